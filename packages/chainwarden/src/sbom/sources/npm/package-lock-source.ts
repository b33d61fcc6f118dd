import type { LockfileResult } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { indexComponents } from './component-index.js';
import { linkComponents } from './dependency-edges.js';
import { readLockTree } from './lock-tree.js';
import { rootDependencies } from './root-dependencies.js';
import { readRootManifest } from './root-manifest.js';
import { rootProject } from './root-project.js';

/**
 * npm `package-lock.json` / `npm-shrinkwrap.json`, lockfileVersion 1 (nested `dependencies`), 2 and 3 (`packages`
 * keyed by install path, workspaces as links). Scopes come from npm's own `dev`/`optional`/`devOptional` flags.
 */
export const PackageLockSource: SbomSource = {
  id: 'npm',
  label: 'package-lock.json, npm-shrinkwrap.json',
  matches: (fileName) => fileName === 'package-lock.json' || fileName === 'npm-shrinkwrap.json',
  parse: async (ctx: SourceContext): Promise<LockfileResult> => {
    const tree = readLockTree(ctx.content, ctx.lockfileRel);
    const warnings: string[] = [];
    const manifest = await readRootManifest(ctx, warnings);
    const index = indexComponents(tree);
    warnings.push(...index.warnings);
    linkComponents(tree, index, warnings);
    const rootDependsOn = rootDependencies(tree, index, manifest, warnings);
    let carriesLicenses = false;
    for (const entry of tree.entries.values()) if (entry.path !== '' && entry.license !== undefined) carriesLicenses = true;
    return {
      format: 'npm',
      lockfile: ctx.lockfileRel,
      root: rootProject(tree, manifest, ctx.lockfilePath),
      components: index.components,
      rootDependsOn,
      workspaceMembers: new Set([...index.localKeys].sort()),
      warnings,
      carriesLicenses,
    };
  },
};
