import type { ComponentIndex } from './component-index.js';
import { missingWarning, resolveDeps } from './dependency-edges.js';
import type { LockTree } from './lock-entry.js';
import { lookupInstallPath } from './install-path.js';
import type { RootManifest } from './root-manifest.js';

const TOP_LEVEL = /^node_modules\/(?:@[^/]+\/)?[^/]+$/;

/**
 * The root's direct dependencies (all groups) plus every workspace member. v2/v3 record them on `packages[""]`;
 * v1 does not, so they come from package.json, or — with no manifest either — are inferred as the top-level
 * packages nothing else depends on (a warning says so: a direct dependency that is also transitive is missed).
 */
export function rootDependencies(tree: LockTree, index: ComponentIndex, manifest: RootManifest | undefined, warnings: string[]): Set<string> {
  const out = new Set<string>();
  const rootEntry = tree.entries.get('');
  if (rootEntry !== undefined) {
    const { keys, missing } = resolveDeps(tree, index, rootEntry, true);
    keys.forEach((key) => out.add(key));
    if (missing.length > 0) warnings.push(missingWarning('', missing));
  } else if (manifest !== undefined) {
    const missing: string[] = [];
    for (const name of manifest.dependencyNames) {
      const path = lookupInstallPath('', name, (p) => tree.entries.has(p));
      const key = path === undefined ? undefined : index.keyByPath.get(path);
      if (key !== undefined) out.add(key);
      else missing.push(name);
    }
    if (missing.length > 0) warnings.push(`${manifest.path} declares ${missing.map((n) => `"${n}"`).join(', ')}, not installed in the lockfile (no edge recorded)`);
  } else {
    inferTopLevel(index).forEach((key) => out.add(key));
    warnings.push(
      `no package.json beside the lockfile and lockfileVersion ${tree.lockfileVersion} does not record the root's dependencies: ` +
        'direct dependencies were inferred as the top-level packages nothing else depends on',
    );
  }
  for (const key of index.localKeys) if (index.components.get(key)?.source.kind === 'workspace') out.add(key);
  return new Set([...out].sort());
}

function inferTopLevel(index: ComponentIndex): string[] {
  const depended = new Set<string>();
  for (const component of index.components.values()) component.dependsOn.forEach((key) => depended.add(key));
  const out = new Set<string>();
  for (const [path, key] of index.keyByPath) if (TOP_LEVEL.test(path) && !depended.has(key)) out.add(key);
  return [...out];
}
