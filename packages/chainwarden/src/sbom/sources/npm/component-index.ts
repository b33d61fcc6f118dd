import type { Component, PackageSource, Scope } from '../../model.js';
import { componentKey, isLocalSource, strongerScope } from '../../model.js';
import { hashesFromIntegrity, makeComponent } from '../../component-builder.js';
import type { LockEntry, LockTree } from './lock-entry.js';
import { scopeOfFlags } from './lock-flags.js';
import { baseName, installName, isInstallPath } from './install-path.js';
import { LicenseReader } from './licenses.js';
import { sourceFromResolved } from './resolved-source.js';
import { workspaceMatcher } from './workspace-globs.js';

/** Components by key, and which component each install path (links included) stands for. */
export interface ComponentIndex {
  readonly components: Map<string, Component>;
  readonly keyByPath: Map<string, string>;
  /** Keys of local packages (workspace members and `file:` folders). */
  readonly localKeys: Set<string>;
  readonly warnings: string[];
  readonly licenses: LicenseReader;
}

/**
 * One component per (name, version, source): the same name@version installed at several paths is one component
 * whose scope is the strongest of its paths' flags and whose `cdx:npm:package-path` is its first path (sorted).
 */
export function indexComponents(tree: LockTree): ComponentIndex {
  const index: ComponentIndex = { components: new Map(), keyByPath: new Map(), localKeys: new Set(), warnings: [], licenses: new LicenseReader() };
  const links = linksByTarget(tree.entries);
  const isWorkspace = workspaceMatcher(tree.workspaces);
  for (const entry of tree.entries.values()) {
    if (entry.path === '' || entry.link) continue;
    const local = !isInstallPath(entry.path) || links.has(entry.path);
    const name = entry.name ?? (local ? (links.get(entry.path)?.[0]?.name ?? baseName(entry.path)) : (installName(entry.path) ?? baseName(entry.path)));
    const source: PackageSource = local ? { kind: isWorkspace(entry.path) ? 'workspace' : 'path', path: entry.path } : sourceFromResolved(entry.resolved, name);
    let scope = scopeOfFlags(entry.flags);
    for (const link of links.get(entry.path)?.map((l) => l.entry) ?? []) scope = strongerScope(scope, scopeOfFlags(link.flags));
    if (source.kind === 'registry' && entry.version === undefined) index.warnings.push(`${entry.path} has no version; recorded without one`);
    add(index, entry, name, source, scope);
  }
  for (const [target, list] of links) {
    for (const { entry } of list) {
      const key = index.keyByPath.get(target);
      if (key !== undefined) index.keyByPath.set(entry.path, key);
      else {
        index.warnings.push(`${entry.path} links to ${target}, which has no entry in the lockfile; recorded as a local package without version`);
        add(index, entry, installName(entry.path) ?? baseName(entry.path), { kind: 'path', path: target }, scopeOfFlags(entry.flags));
      }
    }
  }
  return index;
}

function add(index: ComponentIndex, entry: LockEntry, name: string, source: PackageSource, scope: Scope): void {
  const local = isLocalSource(source);
  const key = componentKey('npm', name, entry.version, source);
  index.keyByPath.set(entry.path, key);
  if (local) index.localKeys.add(key);
  const existing = index.components.get(key);
  if (existing !== undefined) {
    existing.scope = strongerScope(existing.scope, scope);
    return;
  }
  const component = makeComponent({
    ecosystem: 'npm',
    name,
    version: entry.version,
    source,
    type: local ? 'application' : 'library',
    scope,
    hashes: hashesFromIntegrity(entry.integrity),
    licenses: index.licenses.read(entry.license),
    properties: local ? [] : [['cdx:npm:package-path', entry.path]],
  });
  index.components.set(component.key, component);
}

/** Link entries grouped by their target path, each with the name it is installed under (first link first). */
function linksByTarget(entries: ReadonlyMap<string, LockEntry>): Map<string, { entry: LockEntry; name: string }[]> {
  const out = new Map<string, { entry: LockEntry; name: string }[]>();
  for (const entry of entries.values()) {
    if (!entry.link || entry.resolved === undefined) continue;
    const list = out.get(entry.resolved) ?? [];
    list.push({ entry, name: installName(entry.path) ?? baseName(entry.path) });
    out.set(entry.resolved, list);
  }
  return out;
}
