import { posix, resolve } from 'node:path';
import { NoLockfileError } from '../../core/errors.js';
import { globToRegExp } from '../../core/glob.js';
import { detectLockfiles } from '../../sbom/detect.js';
import type { Component, License, LockfileResult } from '../../sbom/model.js';
import { readLockfile } from '../../sbom/read-lockfile.js';
import { supportedFormatsText } from '../../sbom/sources/index.js';
import type { DirectDependency, Inventory, LockedPackage } from './inventory.js';
import { groupsFromProperties, sortDependencies } from './inventory.js';

export interface LockfileInventoryOptions {
  readonly projectDir: string;
  /** Lockfiles to read instead of detecting them (relative to the project). */
  readonly lockfiles?: readonly string[];
  /** Glob patterns excluded from detection. */
  readonly exclude?: readonly string[];
}

const MEMBER_MANIFEST: Readonly<Record<string, string>> = { pypi: 'pyproject.toml', npm: 'package.json' };

export function licenseText(license: License): string {
  switch (license.kind) {
    case 'id':
      return license.id;
    case 'expression':
      return license.expression;
    case 'name':
      return license.name;
  }
}

/**
 * Reads the project's lockfiles with the SBOM sources (in memory, nothing written) and lists each manifest's direct
 * dependencies: the root's and every workspace member's, members themselves left out (they are the project).
 */
export async function inventoryFromLockfiles(options: LockfileInventoryOptions): Promise<Inventory> {
  const projectDir = resolve(options.projectDir);
  let paths: string[];
  const warnings: string[] = [];
  if (options.lockfiles !== undefined && options.lockfiles.length > 0) paths = [...options.lockfiles];
  else {
    const detection = await detectLockfiles(projectDir, (options.exclude ?? []).map(globToRegExp));
    warnings.push(...detection.notes);
    paths = detection.lockfiles.map((l) => l.path);
    if (paths.length === 0) throw new NoLockfileError(`${options.projectDir}: no supported lockfile found (supported: ${supportedFormatsText()})`);
  }
  const dependencies: DirectDependency[] = [];
  const locked: LockedPackage[] = [];
  const sources: string[] = [];
  let project: string | undefined;
  for (const path of paths) {
    const result = await readLockfile(projectDir, path);
    sources.push(result.lockfile);
    project ??= result.root.name;
    warnings.push(...result.warnings);
    dependencies.push(...directDependencies(result));
    for (const [key, c] of result.components) {
      if (!result.workspaceMembers.has(key)) locked.push({ ecosystem: c.ecosystem, name: c.name, ...(c.version !== undefined ? { version: c.version } : {}), lockfile: result.lockfile });
    }
  }
  return { ...(project !== undefined ? { project } : {}), dependencies: sortDependencies(dependencies), locked, sources, warnings: [...new Set(warnings)] };
}

function directDependencies(result: LockfileResult): DirectDependency[] {
  const out: DirectDependency[] = [];
  const lockDir = posix.dirname(result.lockfile);
  const row = (c: Component, manifest: string): DirectDependency => ({
    ecosystem: c.ecosystem,
    name: c.name,
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.purl !== undefined ? { purl: c.purl } : {}),
    licenses: c.licenses.map(licenseText),
    scope: c.scope,
    groups: groupsFromProperties(c.properties),
    manifest,
    lockfile: result.lockfile,
    format: result.format,
  });
  const add = (keys: Iterable<string>, manifest: string): void => {
    for (const key of keys) {
      const c = result.components.get(key);
      if (c !== undefined && !result.workspaceMembers.has(key)) out.push(row(c, manifest));
    }
  };
  add(result.rootDependsOn, result.root.manifest ?? result.lockfile);
  for (const key of result.workspaceMembers) {
    const member = result.components.get(key);
    if (member === undefined || !('path' in member.source)) continue;
    add(member.dependsOn, posix.normalize(posix.join(lockDir, member.source.path, MEMBER_MANIFEST[member.ecosystem] ?? '')));
  }
  return out;
}
