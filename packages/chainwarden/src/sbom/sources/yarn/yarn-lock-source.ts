/**
 * `yarn.lock`, both flavours: classic v1 (its own indented format, parsed by classic-syntax.ts) and berry
 * (YAML with `__metadata`). Neither records dev flags, so scopes come from reachability from the manifests.
 */
import { basename, dirname } from 'node:path';
import type { LockfileResult } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { readBerryLock } from './berry-lock.js';
import { readClassicLock } from './classic-lock.js';
import { readManifest } from './manifest.js';
import { berryLayout, classicLayout } from './project-layout.js';
import { resolutionsOverride } from './resolutions.js';
import { buildYarnGraph } from './yarn-graph.js';

/** Berry files start with `__metadata:`; one without it but with YAML-style `resolution:` fields is still berry (and broken). */
export function isBerryLockfile(text: string): boolean {
  if (/^__metadata:/m.test(text)) return true;
  return !/^# yarn lockfile v1\s*$/m.test(text) && /^ {2}resolution: /m.test(text);
}

export const YarnLockSource: SbomSource = {
  id: 'yarn',
  label: 'yarn.lock',
  matches: (fileName) => fileName === 'yarn.lock',
  parse: parseYarnLock,
};

async function parseYarnLock(ctx: SourceContext): Promise<LockfileResult> {
  const warnings: string[] = [];
  const berry = isBerryLockfile(ctx.content);
  const lock = berry ? await readBerryLock(ctx.content, ctx.lockfileRel) : readClassicLock(ctx.content, ctx.lockfileRel);
  const manifest = await readManifest(ctx, '.', warnings);
  const layout = berry ? await berryLayout(ctx, lock, manifest, warnings) : await classicLayout(ctx, manifest, warnings);
  if (manifest === undefined) {
    const roots = layout.rootDependencies === undefined ? ' The root\'s direct dependencies are taken to be the locked packages nothing else depends on.' : '';
    warnings.push(
      `no package.json beside ${ctx.lockfileRel}: scopes could not be determined without the manifest (a yarn lockfile does not mark dev dependencies); every reachable package is reported as required.${roots}`,
    );
  }
  const graph = buildYarnGraph({
    lock,
    file: ctx.lockfileRel,
    rootDependencies: layout.rootDependencies,
    members: layout.members,
    scopesComplete: layout.scopesComplete,
    override: manifest !== undefined ? resolutionsOverride(manifest.resolutions) : undefined,
  });
  warnings.push(...graph.warnings);
  if (graph.unreached > 0 && manifest !== undefined) {
    const why = layout.scopesComplete
      ? 'they look stale and are reported as excluded'
      : 'they are taken to belong to the workspace members that could not be read and are reported as required (optional when only reached through optional dependencies)';
    warnings.push(`${ctx.lockfileRel}: ${graph.unreached} locked package(s) are not reachable from the root manifest or any readable workspace member; ${why}`);
  }
  return {
    format: 'yarn',
    lockfile: ctx.lockfileRel,
    root: {
      name: manifest?.name ?? layout.lockRootName ?? basename(dirname(ctx.lockfilePath)),
      ...(manifest?.version !== undefined ? { version: manifest.version } : {}),
      ...(manifest?.description !== undefined ? { description: manifest.description } : {}),
      licenses: manifest?.licenses ?? [],
      ecosystem: 'npm',
      ...(manifest !== undefined ? { manifest: manifest.path } : {}),
    },
    components: graph.components,
    rootDependsOn: graph.rootDependsOn,
    workspaceMembers: graph.workspaceMembers,
    warnings,
    carriesLicenses: false,
  };
}
