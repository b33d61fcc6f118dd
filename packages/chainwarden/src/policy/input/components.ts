/**
 * One component list for policies, whatever the SBOM format: CycloneDX components (nested ones flattened) or
 * SPDX packages become the same shape, so a rule over `input.components` works on both.
 */
import { isRecord } from '../../core/parse.js';

export type SourceKind = 'registry' | 'git' | 'url' | 'local';

export interface PolicyComponent {
  readonly ref: string;
  readonly name: string;
  readonly version: string | null;
  readonly purl: string | null;
  /** purl type (pypi, npm, …), or null without a purl. */
  readonly ecosystem: string | null;
  readonly type: string;
  readonly scope: string | null;
  /** Licence ids, names or expressions as the SBOM states them; empty when it states none. */
  readonly licenses: readonly string[];
  readonly hashes: readonly { readonly alg: string; readonly content: string }[];
  /** Where the package comes from: a registry (`index` is null for the ecosystem's default one), git, a URL, or local. */
  readonly source: { readonly kind: SourceKind; readonly index: string | null; readonly url: string | null };
}

export interface SbomView {
  readonly format: 'cyclonedx' | 'spdx';
  readonly root: PolicyComponent | null;
  readonly components: readonly PolicyComponent[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Classifies a component's origin from its purl qualifiers (repository_url, vcs_url, download_url). */
export function sourceOf(purl: string | null): PolicyComponent['source'] {
  if (purl === null) return { kind: 'local', index: null, url: null };
  const q = new URLSearchParams(/\?([^#]*)/.exec(purl)?.[1] ?? '');
  const vcs = q.get('vcs_url');
  if (vcs !== null) return { kind: 'git', index: null, url: vcs };
  const download = q.get('download_url');
  if (download !== null) return { kind: 'url', index: null, url: download };
  return { kind: 'registry', index: q.get('repository_url'), url: null };
}

function ecosystemOf(purl: string | null): string | null {
  return purl !== null ? (/^pkg:([^/]+)\//.exec(purl)?.[1]?.toLowerCase() ?? null) : null;
}

function cdxLicenses(c: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const l of list(c['licenses'])) {
    if (!isRecord(l)) continue;
    const expr = str(l['expression']);
    if (expr !== null) out.push(expr);
    const lic = l['license'];
    if (isRecord(lic)) {
      const id = str(lic['id']) ?? str(lic['name']);
      if (id !== null) out.push(id);
    }
  }
  return out;
}

function cdxHashes(c: Record<string, unknown>): PolicyComponent['hashes'] {
  const out = new Map<string, { alg: string; content: string }>();
  const add = (h: unknown): void => {
    if (isRecord(h) && typeof h['alg'] === 'string' && typeof h['content'] === 'string') out.set(`${h['alg']}:${h['content']}`, { alg: h['alg'], content: h['content'] });
  };
  list(c['hashes']).forEach(add);
  for (const r of list(c['externalReferences'])) if (isRecord(r)) list(r['hashes']).forEach(add);
  return [...out.values()];
}

function cdxComponent(c: Record<string, unknown>): PolicyComponent {
  const purl = str(c['purl']);
  return {
    ref: str(c['bom-ref']) ?? purl ?? text(c['name']),
    name: text(c['name']),
    version: str(c['version']),
    purl,
    ecosystem: ecosystemOf(purl),
    type: str(c['type']) ?? 'library',
    scope: str(c['scope']),
    licenses: cdxLicenses(c),
    hashes: cdxHashes(c),
    source: sourceOf(purl),
  };
}

function flatten(items: unknown, out: PolicyComponent[]): void {
  for (const c of list(items)) {
    if (!isRecord(c)) continue;
    out.push(cdxComponent(c));
    flatten(c['components'], out);
  }
}

function fromCycloneDx(doc: Record<string, unknown>): SbomView {
  const meta = isRecord(doc['metadata']) ? doc['metadata'] : {};
  const root = isRecord(meta['component']) ? cdxComponent(meta['component']) : null;
  const components: PolicyComponent[] = [];
  flatten(doc['components'], components);
  return { format: 'cyclonedx', root, components };
}

const SPDX_NONE = new Set(['NOASSERTION', 'NONE']);

function spdxPackage(p: Record<string, unknown>): PolicyComponent {
  const purlRef = list(p['externalRefs']).find((r) => isRecord(r) && r['referenceType'] === 'purl');
  const purl = isRecord(purlRef) ? str(purlRef['referenceLocator']) : null;
  const licenses = [str(p['licenseConcluded']), str(p['licenseDeclared'])].filter((l): l is string => l !== null && !SPDX_NONE.has(l));
  return {
    ref: str(p['SPDXID']) ?? text(p['name']),
    name: text(p['name']),
    version: str(p['versionInfo']),
    purl,
    ecosystem: ecosystemOf(purl),
    type: (str(p['primaryPackagePurpose']) ?? 'library').toLowerCase(),
    scope: null,
    licenses: [...new Set(licenses)],
    hashes: list(p['checksums']).filter(isRecord).map((h) => ({ alg: text(h['algorithm']), content: text(h['checksumValue']) })),
    source: sourceOf(purl),
  };
}

/** SPDX has no scope field: DEV_DEPENDENCY_OF / OPTIONAL_DEPENDENCY_OF relationships (or a `scope: …` comment line) give it. */
function spdxScopes(doc: Record<string, unknown>): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const p of list(doc['packages']))
    if (isRecord(p) && typeof p['SPDXID'] === 'string') {
      const m = /^scope: (required|optional|excluded)$/m.exec(typeof p['comment'] === 'string' ? p['comment'] : '');
      if (m?.[1] !== undefined) scopes.set(p['SPDXID'], m[1]);
    }
  for (const r of list(doc['relationships'])) {
    if (!isRecord(r) || typeof r['spdxElementId'] !== 'string') continue;
    if (r['relationshipType'] === 'DEV_DEPENDENCY_OF') scopes.set(r['spdxElementId'], 'excluded');
    else if (r['relationshipType'] === 'OPTIONAL_DEPENDENCY_OF' && !scopes.has(r['spdxElementId'])) scopes.set(r['spdxElementId'], 'optional');
  }
  return scopes;
}

function fromSpdx(doc: Record<string, unknown>): SbomView {
  const scopes = spdxScopes(doc);
  const packages = list(doc['packages']).filter(isRecord).map(spdxPackage).map((p) => ({ ...p, scope: scopes.get(p.ref) ?? null }));
  const described = new Set(list(doc['documentDescribes']).filter((x): x is string => typeof x === 'string'));
  for (const r of list(doc['relationships']))
    if (isRecord(r) && r['relationshipType'] === 'DESCRIBES' && r['spdxElementId'] === 'SPDXRef-DOCUMENT' && typeof r['relatedSpdxElement'] === 'string') described.add(r['relatedSpdxElement']);
  const root = packages.find((p) => described.has(p.ref)) ?? null;
  return { format: 'spdx', root, components: packages.filter((p) => p !== root) };
}

/** The format of an SBOM document, or undefined when it is neither CycloneDX nor SPDX JSON. */
export function sbomFormat(doc: unknown): SbomView['format'] | undefined {
  if (!isRecord(doc)) return undefined;
  if (doc['bomFormat'] === 'CycloneDX') return 'cyclonedx';
  if (typeof doc['spdxVersion'] === 'string') return 'spdx';
  return undefined;
}

export function viewSbom(doc: Record<string, unknown>, format: SbomView['format']): SbomView {
  return format === 'cyclonedx' ? fromCycloneDx(doc) : fromSpdx(doc);
}
