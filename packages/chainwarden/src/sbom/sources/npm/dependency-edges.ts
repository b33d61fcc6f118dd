import type { LockEntry, LockTree } from './lock-entry.js';
import type { ComponentIndex } from './component-index.js';
import { lookupInstallPath } from './install-path.js';

/** What one entry's edges resolve to, plus the names that are not installed where npm would look. */
export interface ResolvedDeps {
  readonly keys: Set<string>;
  /** Required (or dev, for the root and workspace members) dependencies that resolve to nothing. */
  readonly missing: string[];
}

/**
 * Resolves an entry's declared dependencies the way Node does: from the entry's own install path upwards through
 * the `node_modules` folders the lockfile records, following links to their targets. Optional and peer
 * dependencies that are not installed are not edges and not warnings (platform-specific or not required);
 * devDependencies count only for the root and workspace members (`withDev`), as npm installs no others.
 */
export function resolveDeps(tree: LockTree, index: ComponentIndex, entry: LockEntry, withDev: boolean): ResolvedDeps {
  const has = (path: string): boolean => tree.entries.has(path);
  const keys = new Set<string>();
  const missing: string[] = [];
  const visit = (names: readonly string[], mustExist: boolean): void => {
    for (const name of names) {
      const path = lookupInstallPath(entry.path, name, has);
      const key = path === undefined ? undefined : index.keyByPath.get(path);
      if (key !== undefined) keys.add(key);
      else if (mustExist && !missing.includes(name)) missing.push(name);
    }
  };
  visit(entry.deps.dependencies, true);
  visit(entry.deps.optionalDependencies, false);
  visit(entry.deps.peerDependencies, false);
  if (withDev) visit(entry.deps.devDependencies, true);
  return { keys, missing: missing.sort() };
}

/** Fills every component's `dependsOn` from its entries (every install path contributes its own resolution). */
export function linkComponents(tree: LockTree, index: ComponentIndex, warnings: string[]): void {
  for (const entry of tree.entries.values()) {
    if (entry.path === '' || entry.link) continue;
    const own = index.keyByPath.get(entry.path);
    const component = own === undefined ? undefined : index.components.get(own);
    if (component === undefined) continue;
    const { keys, missing } = resolveDeps(tree, index, entry, component.source.kind === 'workspace');
    // Insertion order follows the file's declaration order: deterministic for the same input.
    for (const key of keys) if (key !== component.key) component.dependsOn.add(key);
    if (missing.length > 0) warnings.push(missingWarning(entry.path, missing));
  }
}

export function missingWarning(from: string, missing: readonly string[]): string {
  const list = missing.map((name) => `"${name}"`).join(', ');
  return `${from === '' ? 'the root package' : from} depends on ${list}, not installed at or above it in the lockfile (no edge recorded)`;
}
