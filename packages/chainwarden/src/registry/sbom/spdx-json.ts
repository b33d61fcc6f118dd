/** SPDX 2.3 JSON → the registry's model: packages are components, DEPENDS_ON / DEPENDENCY_OF relationships the graph. */
import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import type { ParsedComponent, ParsedDependency, ParsedSbom } from './model.js';

export const SPDX_VERSIONS: readonly string[] = ['SPDX-2.3'];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' && v !== 'NOASSERTION' && v !== 'NONE' ? v : undefined);

function packageFrom(value: unknown, i: number): ParsedComponent {
  const p = isRecord(value) ? value : {};
  const refs = Array.isArray(p['externalRefs']) ? (p['externalRefs'] as unknown[]) : [];
  const purl = refs.map((r) => (isRecord(r) && r['referenceType'] === 'purl' ? str(r['referenceLocator']) : undefined)).find((x) => x !== undefined);
  const version = str(p['versionInfo']);
  const supplier = str(p['supplier']);
  const license = str(p['licenseConcluded']) ?? str(p['licenseDeclared']);
  return {
    at: `packages[${i}]`,
    bomRef: str(p['SPDXID']) ?? `packages[${i}]`,
    type: str(p['primaryPackagePurpose'])?.toLowerCase() ?? 'library',
    name: typeof p['name'] === 'string' ? p['name'] : '',
    ...(version !== undefined ? { version } : {}),
    ...(purl !== undefined ? { purl } : {}),
    ...(supplier !== undefined ? { supplier } : {}),
    licenses: license !== undefined ? [license] : [],
    raw: value,
  };
}

export function readSpdxJson(doc: Record<string, unknown>, file: string): ParsedSbom {
  const specVersion = typeof doc['spdxVersion'] === 'string' ? doc['spdxVersion'] : '';
  if (!SPDX_VERSIONS.includes(specVersion)) {
    throw new InputError(`unsupported spdxVersion "${specVersion}" (supported: ${SPDX_VERSIONS.join(', ')})`, { file, path: 'spdxVersion' }, { code: 'SBOM_INVALID' });
  }
  const packages = Array.isArray(doc['packages']) ? (doc['packages'] as unknown[]) : [];
  const all = packages.map(packageFrom);
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    const set = edges.get(from) ?? new Set<string>();
    set.add(to);
    edges.set(from, set);
  };
  let described: string | undefined;
  for (const r of Array.isArray(doc['relationships']) ? (doc['relationships'] as unknown[]) : []) {
    if (!isRecord(r)) continue;
    const a = str(r['spdxElementId']);
    const b = str(r['relatedSpdxElement']);
    if (a === undefined || b === undefined) continue;
    if (r['relationshipType'] === 'DEPENDS_ON') add(a, b);
    else if (r['relationshipType'] === 'DEPENDENCY_OF') add(b, a);
    else if (r['relationshipType'] === 'DESCRIBES' && a === 'SPDXRef-DOCUMENT') described ??= b;
  }
  const root = all.find((c) => c.bomRef === described);
  const components = all.filter((c) => c !== root);
  const pointers = all.map((_, i) => `/packages/${i}`).filter((_, i) => all[i] !== root);
  const dependencies: ParsedDependency[] = [...edges].map(([ref, on]) => ({ ref, dependsOn: [...on].sort() }));
  const creation = isRecord(doc['creationInfo']) ? doc['creationInfo'] : {};
  const creators = creation['creators'];
  const timestamp = str(creation['created']);
  const name = root?.name ?? str(doc['name']);
  return {
    ...(root !== undefined ? { rootRef: root.bomRef } : {}),
    format: 'spdx-json',
    specVersion,
    product: { ...(name !== undefined ? { name } : {}), ...(root?.version !== undefined ? { version: root.version } : {}) },
    components,
    pointers,
    dependencies,
    hasAuthor: Array.isArray(creators) && creators.length > 0,
    ...(timestamp !== undefined ? { timestamp } : {}),
    schemaIssues: [],
  };
}
