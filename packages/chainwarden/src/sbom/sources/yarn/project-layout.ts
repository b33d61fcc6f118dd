/**
 * The project around a yarn.lock: the root's declared dependencies and the workspace members, with dependency kinds
 * (required / optional / dev) taken from the manifests — the lockfile itself records no dev flags.
 *
 * Berry locks its workspaces (`name@workspace:path` entries with their dependencies); classic does not, so its
 * members come from the root manifest's `workspaces` globs.
 */
import { dirname, posix } from 'node:path';
import type { SourceContext } from '../../source.js';
import type { Workspace } from './yarn-graph.js';
import type { YarnDependency, YarnLock } from './yarn-lock-model.js';
import type { PackageManifest } from './manifest.js';
import { readManifest } from './manifest.js';
import { expandWorkspaces } from './workspace-dirs.js';

export interface ProjectLayout {
  /** Name the lockfile gives the root (berry's `name@workspace:.`), when there is no manifest. */
  readonly lockRootName: string | undefined;
  readonly rootDependencies: readonly YarnDependency[] | undefined;
  readonly members: Workspace[];
  /** False when some manifest was missing, so dev/required could not be told apart everywhere. */
  readonly scopesComplete: boolean;
}

export async function berryLayout(ctx: SourceContext, lock: YarnLock, root: PackageManifest | undefined, warnings: string[]): Promise<ProjectLayout> {
  const rootEntry = lock.entries.find((e) => e.workspace === '.');
  let scopesComplete = root !== undefined;
  const rootDependencies = rootEntry !== undefined ? classify(rootEntry.dependencies, root) : root?.dependencies;
  const members: Workspace[] = [];
  const unmanifested: string[] = [];
  for (const entry of lock.entries) {
    if (entry.workspace === undefined || entry.workspace === '.') continue;
    const manifest = await readManifest(ctx, entry.workspace, warnings);
    if (manifest === undefined) unmanifested.push(entry.workspace);
    members.push({ path: entry.workspace, name: entry.name, version: manifest?.version ?? entry.version, dependencies: classify(entry.dependencies, manifest) });
  }
  if (unmanifested.length > 0) {
    scopesComplete = false;
    warnings.push(
      `${ctx.lockfileRel}: no package.json found for workspace member(s) ${unmanifested.join(', ')}: their dependencies are taken from the lockfile, which does not mark dev dependencies, so they are reported as required`,
    );
  }
  return { lockRootName: rootEntry?.name, rootDependencies, members, scopesComplete };
}

export async function classicLayout(ctx: SourceContext, root: PackageManifest | undefined, warnings: string[]): Promise<ProjectLayout> {
  if (root === undefined) return { lockRootName: undefined, rootDependencies: undefined, members: [], scopesComplete: false };
  const found = await expandWorkspaces(dirname(ctx.lockfilePath), root.workspaces);
  const members: Workspace[] = [];
  for (const dir of found.dirs) {
    const manifest = await readManifest(ctx, dir, warnings);
    members.push({ path: dir, name: manifest?.name ?? posix.basename(dir), version: manifest?.version, dependencies: manifest?.dependencies ?? [] });
  }
  for (const dir of found.missing) members.push({ path: dir, name: posix.basename(dir), version: undefined, dependencies: [] });
  members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const gaps = [...found.missing.map((d) => `${d} (no ${d}/package.json; named after its folder)`), ...found.unmatched.map((g) => `${g} (matched no folder with a package.json)`)];
  if (gaps.length > 0) {
    warnings.push(
      `${ctx.lockfileRel}: yarn classic does not lock workspaces and these workspace members could not be read: ${gaps.join(', ')}; packages only they depend on cannot be scoped and are reported as required`,
    );
  }
  return { lockRootName: undefined, rootDependencies: root.dependencies, members, scopesComplete: gaps.length === 0 };
}

/** Lockfile dependencies of a workspace, with the kind its manifest declares (dev, optional) when there is one. */
function classify(deps: readonly YarnDependency[], manifest: PackageManifest | undefined): YarnDependency[] {
  if (manifest === undefined) return [...deps];
  const declared = new Map(manifest.dependencies.map((d) => [d.name, d.kind]));
  return deps.map((dep) => {
    const kind = declared.get(dep.name);
    return kind === undefined || dep.kind === 'optional' ? dep : { ...dep, kind };
  });
}
