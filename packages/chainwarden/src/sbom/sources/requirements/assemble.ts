import { LockfileError } from '../../../core/errors.js';
import { normalizePypiName } from '../../../core/purl.js';
import { isDefaultRegistry, makeComponent } from '../../component-builder.js';
import type { Component, ExternalReference, Hash, PackageSource, Property } from '../../model.js';
import type { SourceContext } from '../../source.js';
import type { LoadedRequirements } from './include-loader.js';
import { linkTarget } from './link-target.js';
import { formatSpecifier, pinnedVersion } from './pep508.js';
import type { RequirementEntry } from './requirement-entry.js';
import { withoutCredentials } from './url-credentials.js';

/** A component being assembled from the requirement lines that name it. */
interface Draft {
  readonly name: string;
  readonly version?: string;
  readonly source: PackageSource;
  /** Requirement lines that name this component (never constraints). */
  readonly entries: RequirementEntry[];
  /** Constraint lines that pinned or hashed it. */
  readonly constraints: RequirementEntry[];
  /** Page the `--hash` digests refer to: the index project page, or the link itself. */
  readonly hashUrl?: string;
}

export interface Assembled {
  readonly components: Map<string, Component>;
  readonly rootDependsOn: Set<string>;
  readonly warnings: string[];
}

const PYPI_SIMPLE = 'https://pypi.org/simple';
/**
 * Requirements files give `--hash` digests without file names, so each digest gets its own `distribution` reference
 * pointing at the package's index project page (`<index>/<normalised-name>/`), with this short note for consumers
 * who would otherwise expect the URL itself to have that digest.
 */
const HASH_COMMENT = 'digest of one of the files listed on this index page';

/**
 * Turns requirement lines into components. Requirements files carry no graph and no groups: every component is a
 * direct dependency of the root, scope `required`, with the files that name it as `cdx:pip:file` properties.
 */
export async function assemble(ctx: SourceContext, loaded: LoadedRequirements, rootDir: string): Promise<Assembled> {
  const warnings: string[] = [];
  const drafts = new Map<string, Draft>();
  const index = loaded.indexUrl !== undefined ? withoutCredentials(loaded.indexUrl.url).replace(/\/+$/, '') : undefined;
  const registry: PackageSource = index !== undefined && !isDefaultRegistry('pypi', index) ? { kind: 'registry', url: index } : { kind: 'registry' };
  const indexPage = (name: string): string => `${index ?? PYPI_SIMPLE}/${normalizePypiName(name)}/`;
  const draftFor = (init: Omit<Draft, 'entries' | 'constraints'>): Draft => {
    const id = JSON.stringify([normalizePypiName(init.name), init.version ?? '', init.source]);
    let draft = drafts.get(id);
    if (draft === undefined) drafts.set(id, (draft = { ...init, entries: [], constraints: [] }));
    return draft;
  };

  const requirements = loaded.entries.filter((e) => !e.constraint);
  const constraintPins = constraintPinsByName(loaded.entries.filter((e) => e.constraint));
  checkPinConflicts(requirements.filter((e) => e.link === undefined && pinnedVersion(e.specifier) !== undefined));

  // Index requirements, grouped by normalised name in file order.
  const groups = new Map<string, RequirementEntry[]>();
  for (const entry of requirements) {
    if (entry.link !== undefined || entry.name === undefined) continue;
    const norm = normalizePypiName(entry.name);
    const group = groups.get(norm);
    if (group === undefined) groups.set(norm, [entry]);
    else group.push(entry);
  }
  for (const [norm, group] of groups) {
    const name = (group[0] as RequirementEntry).name as string;
    const pinned = group.filter((e) => pinnedVersion(e.specifier) !== undefined);
    const unpinned = group.filter((e) => pinnedVersion(e.specifier) === undefined);
    const applicable = (markers: string | undefined): RequirementEntry[] =>
      (constraintPins.get(norm) ?? []).filter((c) => c.markers === undefined || c.markers === markers);
    if (pinned.length > 0) {
      for (const entry of pinned) {
        const version = pinnedVersion(entry.specifier) as string;
        const draft = draftFor({ name, version, source: registry, hashUrl: indexPage(name) });
        draft.entries.push(entry);
        for (const c of applicable(entry.markers)) {
          const pin = pinnedVersion(c.specifier) as string;
          if (pin !== version) throw conflict(name, entry, c);
          if (entry.hashes.length === 0 && c.hashes.length > 0) draft.constraints.push(c);
        }
      }
      // An unpinned line for a name pinned elsewhere adds nothing but its file, extras and markers.
      const pinnedDrafts = [...new Set(pinned.map((e) => draftFor({ name, version: pinnedVersion(e.specifier), source: registry })))];
      for (const draft of pinnedDrafts) draft.entries.push(...unpinned);
      continue;
    }
    const markers = new Set(group.map((e) => e.markers ?? ''));
    const common = markers.size === 1 ? (group[0] as RequirementEntry).markers : '\u0000';
    const pins = applicable(common);
    const versions = [...new Set(pins.map((c) => pinnedVersion(c.specifier) as string))];
    if (versions.length === 1) {
      const draft = draftFor({ name, version: versions[0], source: registry, hashUrl: indexPage(name) });
      draft.entries.push(...group);
      draft.constraints.push(...pins);
      continue;
    }
    const draft = draftFor({ name, source: registry, hashUrl: indexPage(name) });
    draft.entries.push(...group);
    for (const entry of group) {
      warnings.push(`${entry.file}:${entry.line}: "${entry.text}" is not pinned to one version (==); the component is listed without a version`);
    }
  }

  // Links: URLs, VCS checkouts, local paths.
  for (const entry of requirements) {
    if (entry.link === undefined) continue;
    const target = await linkTarget(ctx, entry, rootDir, warnings);
    if (target === undefined) continue;
    draftFor(target).entries.push(entry);
  }

  const components = new Map<string, Component>();
  for (const draft of drafts.values()) {
    const component = finish(draft);
    components.set(component.key, component);
  }
  for (const extra of loaded.extraIndexUrls) {
    warnings.push(
      `${extra.file}:${extra.line}: --extra-index-url ${withoutCredentials(extra.url)}: pip may take any requirement from this index as well as from ${index ?? PYPI_SIMPLE}; purls and hash references name only the latter (check for dependency confusion)`,
    );
  }
  if (loaded.noIndex !== undefined) {
    warnings.push(`${loaded.noIndex.file}:${loaded.noIndex.line}: --no-index: packages come from --find-links locations, not from an index; purls still name PyPI`);
  }
  return { components, rootDependsOn: new Set(components.keys()), warnings };
}

/** Constraint lines that pin a version, by normalised name; two different unconditional pins are a conflict. */
function constraintPinsByName(constraints: readonly RequirementEntry[]): Map<string, RequirementEntry[]> {
  const out = new Map<string, RequirementEntry[]>();
  for (const c of constraints) {
    if (c.name === undefined || pinnedVersion(c.specifier) === undefined) continue;
    const norm = normalizePypiName(c.name);
    const list = out.get(norm) ?? [];
    const clash = list.find((o) => o.markers === c.markers && pinnedVersion(o.specifier) !== pinnedVersion(c.specifier));
    if (clash !== undefined) throw conflict(c.name, clash, c);
    list.push(c);
    out.set(norm, list);
  }
  return out;
}

/** The same name pinned to two versions under the same markers: pip refuses to install that (double requirement). */
function checkPinConflicts(pinned: readonly RequirementEntry[]): void {
  const first = new Map<string, RequirementEntry>();
  for (const entry of pinned) {
    const id = `${normalizePypiName(entry.name as string)}\u0000${entry.markers ?? ''}`;
    const before = first.get(id);
    if (before === undefined) first.set(id, entry);
    else if (pinnedVersion(before.specifier) !== pinnedVersion(entry.specifier)) throw conflict(entry.name as string, before, entry);
  }
}

function conflict(name: string, a: RequirementEntry, b: RequirementEntry): LockfileError {
  return new LockfileError(
    `"${name}" is pinned to two versions: ${formatSpecifier(a.specifier)} at ${a.file}:${a.line} and ${formatSpecifier(b.specifier)} at ${b.file}:${b.line} (pip rejects conflicting requirements)`,
    { file: b.file, line: b.line },
    { code: 'LOCKFILE_DUPLICATE' },
  );
}

function finish(draft: Draft): Component {
  const hashes: Hash[] = [];
  const seen = new Set<string>();
  for (const entry of [...draft.entries, ...draft.constraints]) {
    for (const h of entry.hashes) {
      const id = `${h.alg}:${h.content}`;
      if (seen.has(id)) continue;
      seen.add(id);
      hashes.push(h);
    }
  }
  const externalReferences: ExternalReference[] =
    draft.hashUrl === undefined
      ? []
      : hashes.map((h) => ({
          type: 'distribution' as const,
          url: draft.hashUrl as string,
          hashes: [h],
          ...(draft.source.kind === 'registry' ? { comment: HASH_COMMENT } : {}),
        }));
  return makeComponent({
    ecosystem: 'pypi',
    name: draft.name,
    version: draft.version,
    source: draft.source,
    scope: 'required',
    externalReferences,
    properties: propertiesOf(draft),
  });
}

function propertiesOf(draft: Draft): Property[] {
  const props: Property[] = [];
  const extras = [...new Set(draft.entries.flatMap((e) => e.extras))].sort();
  if (extras.length > 0) props.push(['cdx:pip:extras', extras.join(',')]);
  for (const file of new Set(draft.entries.map((e) => e.file))) props.push(['cdx:pip:file', file]);
  // Markers only when every line naming the component is conditional; one unconditional line makes it unconditional.
  if (draft.entries.every((e) => e.markers !== undefined)) {
    for (const m of new Set(draft.entries.map((e) => e.markers as string))) props.push(['cdx:pip:markers', m]);
  }
  if (draft.version === undefined && draft.source.kind === 'registry') {
    const clauses = [...new Set(draft.entries.flatMap((e) => e.specifier.map((c) => `${c.op}${c.version}`)))];
    if (clauses.length > 0) props.push(['cdx:pip:specifier', clauses.join(',')]);
  }
  for (const c of new Set(draft.constraints.map((e) => `${e.file}:${e.line}`))) props.push(['cdx:pip:constraint', c]);
  return props.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}
