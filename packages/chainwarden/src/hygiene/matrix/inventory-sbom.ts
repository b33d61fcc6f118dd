import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError, IoError } from '../../core/errors.js';
import { isRecord, parseJsonText } from '../../core/parse.js';
import { parsePurl } from '../../core/purl-parse.js';
import { readCycloneDxJson } from '../../registry/sbom/cyclonedx-json.js';
import type { ParsedComponent } from '../../registry/sbom/model.js';
import type { Ecosystem, Scope } from '../../sbom/model.js';
import { sourceForFile } from '../../sbom/sources/index.js';
import type { DirectDependency, Inventory, LockedPackage } from './inventory.js';
import { groupsFromProperties, sortDependencies } from './inventory.js';

const ECOSYSTEMS: Readonly<Record<string, Ecosystem>> = { pypi: 'pypi', npm: 'npm' };
const SCOPES: Readonly<Record<string, Scope>> = { required: 'required', optional: 'optional', excluded: 'excluded' };
const MEMBER_MANIFEST: Readonly<Record<Ecosystem, string>> = { pypi: 'pyproject.toml', npm: 'package.json' };

function properties(raw: unknown): [string, string][] {
  if (!isRecord(raw) || !Array.isArray(raw['properties'])) return [];
  return (raw['properties'] as unknown[]).flatMap((p) => (isRecord(p) && typeof p['name'] === 'string' && typeof p['value'] === 'string' ? [[p['name'], p['value']] as [string, string]] : []));
}

const property = (raw: unknown, name: string): string | undefined => properties(raw).find(([n]) => n === name)?.[1];

/**
 * Reads the direct dependencies from a CycloneDX JSON SBOM: the described product's and each nested project's
 * `dependsOn` in the dependency graph. chainwarden's own SBOMs name manifests and lockfiles in properties; for
 * other SBOMs the SBOM file stands in for both.
 */
export async function inventoryFromSbom(path: string, shown: string): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${shown}: cannot read the SBOM (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const doc = parseJsonText(text.replace(/^\uFEFF/, ''), shown, (message, loc, cause) => new InputError(message, { file: shown, ...loc }, { cause, code: 'SBOM_INVALID' }));
  if (!isRecord(doc) || doc['bomFormat'] !== 'CycloneDX') throw new InputError('not a CycloneDX JSON SBOM (bomFormat is not "CycloneDX")', { file: shown, path: 'bomFormat' }, { code: 'SBOM_INVALID' });
  const sbom = readCycloneDxJson(doc, shown);
  if (sbom.rootRef === undefined) throw new InputError('the SBOM has no metadata.component bom-ref: its direct dependencies cannot be told', { file: shown, path: 'metadata.component' }, { code: 'SBOM_INVALID' });
  const metadata = isRecord(doc['metadata']) ? doc['metadata'] : {};
  const rootRaw = metadata['component'];
  const byRef = new Map(sbom.components.map((c) => [c.bomRef, c]));
  const projects: { ref: string; raw: unknown; manifest?: string; lockfile?: string }[] = [
    { ref: sbom.rootRef, raw: rootRaw, ...optional('manifest', property(rootRaw, 'chainwarden:manifest')) },
  ];
  for (const c of sbom.components.filter((x) => x.at.startsWith('metadata.component.components'))) {
    const member = /^(pypi|npm):[^:]+:workspace:(.+)$/.exec(c.bomRef);
    const lockfile = property(c.raw, 'chainwarden:lockfile');
    const manifest = property(c.raw, 'chainwarden:manifest') ?? (member !== null ? `${member[2] ?? ''}/${MEMBER_MANIFEST[member[1] as Ecosystem]}` : undefined);
    projects.push({ ref: c.bomRef, raw: c.raw, ...optional('manifest', manifest), ...optional('lockfile', lockfile) });
  }
  const projectRefs = new Set(projects.map((p) => p.ref));
  const edges = new Map(sbom.dependencies.map((d) => [d.ref, d.dependsOn]));
  const warnings: string[] = [];
  const dependencies: DirectDependency[] = [];
  for (const project of projects) {
    for (const ref of edges.get(project.ref) ?? []) {
      if (projectRefs.has(ref)) continue;
      const c = byRef.get(ref);
      if (c === undefined) continue;
      const row = rowOf(c, project, shown);
      if (row === undefined) warnings.push(`${shown}: ${c.bomRef}: not a PyPI or npm package, left out of the matrix`);
      else dependencies.push(row);
    }
  }
  const locked: LockedPackage[] = [];
  for (const c of sbom.components) {
    if (projectRefs.has(c.bomRef)) continue;
    const row = rowOf(c, {}, shown);
    if (row !== undefined) locked.push({ ecosystem: row.ecosystem, name: row.name, ...optional('version', row.version), lockfile: row.lockfile });
  }
  return { ...optional('project', sbom.product.name), dependencies: sortDependencies(dependencies), locked, sources: [shown], warnings };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return (value !== undefined ? { [key]: value } : {}) as Partial<Record<K, string>>;
}

function rowOf(c: ParsedComponent, project: { manifest?: string; lockfile?: string }, shown: string): DirectDependency | undefined {
  const purl = c.purl !== undefined ? parsePurl(c.purl) : undefined;
  const ecosystem = ECOSYSTEMS[purl?.type ?? c.bomRef.split(':')[0] ?? ''];
  if (ecosystem === undefined) return undefined;
  const raw = c.raw;
  const lockfile = property(raw, 'chainwarden:lockfile') ?? project.lockfile ?? shown;
  const scope = isRecord(raw) && typeof raw['scope'] === 'string' ? SCOPES[raw['scope']] : undefined;
  return {
    ecosystem,
    name: c.group !== undefined ? `${c.group}/${c.name}` : c.name,
    ...optional('version', c.version),
    ...optional('purl', c.purl),
    licenses: [...c.licenses],
    scope: scope ?? 'required',
    groups: groupsFromProperties(properties(raw)),
    manifest: project.manifest ?? lockfile,
    lockfile,
    format: sourceForFile(basename(lockfile), lockfile)?.id ?? 'sbom',
  };
}
