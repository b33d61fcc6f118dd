import { normalizePypiName } from '../../../core/purl.js';
import { parseTomlText } from '../../../core/parse.js';
import { makeComponent } from '../../component-builder.js';
import type { Component, ExternalReference, LockfileResult, Scope } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { readPyprojectMetadata, rootFromMetadata } from '../python-common/pyproject-metadata.js';
import type { UvDependencyRef, UvPackage } from './uv-lock-model.js';
import { readUvLock } from './uv-lock-model.js';

/** A traversal state: a package reached with some of its extras activated. */
interface Visit {
  readonly pkg: UvPackage;
  readonly extras: readonly string[];
}

/** uv.lock (uv's universal lockfile): workspaces, forked resolutions, git/path/editable/virtual sources, extras and groups. */
export const UvLockSource: SbomSource = {
  id: 'uv',
  label: 'uv.lock',
  matches: (fileName) => fileName === 'uv.lock',
  async parse(ctx: SourceContext): Promise<LockfileResult> {
    const doc = await parseTomlText(ctx.content, ctx.lockfileRel);
    const lock = readUvLock(doc, ctx.lockfileRel, ctx.content);
    const warnings: string[] = [];
    const lockDir = ctx.lockfileRel.includes('/') ? ctx.lockfileRel.slice(0, ctx.lockfileRel.lastIndexOf('/')) : '';
    const pyprojectText = await ctx.readSibling('pyproject.toml');
    const manifestRel = lockDir === '' ? 'pyproject.toml' : `${lockDir}/pyproject.toml`;
    const pyproject = pyprojectText !== undefined ? await readPyprojectMetadata(pyprojectText, manifestRel) : undefined;
    if (pyproject === undefined) warnings.push(`${ctx.lockfileRel}: no pyproject.toml beside the lockfile; the root project is taken from the lockfile`);

    const byName = new Map<string, UvPackage[]>();
    for (const pkg of lock.packages) {
      const list = byName.get(pkg.normName);
      if (list === undefined) byName.set(pkg.normName, [pkg]);
      else list.push(pkg);
    }

    // The root: the package whose source is the project directory itself (editable/virtual ".").
    const isDot = (p: UvPackage): boolean => (p.source.kind === 'path' || p.source.kind === 'virtual') && (p.source.path === '.' || p.source.path === '');
    const rootName = pyproject?.name !== undefined ? normalizePypiName(pyproject.name) : undefined;
    const rootPkg = lock.packages.find((p) => isDot(p) && (rootName === undefined || p.normName === rootName)) ?? lock.packages.find(isDot);
    const memberNames = new Set(lock.members.map(normalizePypiName));
    const isMember = (p: UvPackage): boolean =>
      p !== rootPkg && (memberNames.has(p.normName) || p.source.kind === 'virtual' || (p.source.kind === 'path' && p.source.editable === true));

    const resolve = (from: UvPackage, dep: UvDependencyRef): UvPackage | undefined => {
      const candidates = byName.get(normalizePypiName(dep.name));
      if (candidates === undefined || candidates.length === 0) {
        warnings.push(`${ctx.lockfileRel}: "${from.name}" depends on "${dep.name}", which is not locked`);
        return undefined;
      }
      if (candidates.length === 1) return candidates[0];
      const match = candidates.filter(
        (c) => (dep.version === undefined || c.version === dep.version) && (dep.source === undefined || JSON.stringify(c.rawSource) === JSON.stringify(dep.source)),
      );
      if (match.length === 1) return match[0];
      warnings.push(`${ctx.lockfileRel}: "${from.name}" depends on "${dep.name}", which is locked at several versions and the reference does not say which`);
      return undefined;
    };

    // Components for every package but the root.
    const components = new Map<string, Component>();
    const keyOf = new Map<UvPackage, string>();
    for (const pkg of lock.packages) {
      if (pkg === rootPkg) continue;
      const member = isMember(pkg);
      const source = member && (pkg.source.kind === 'path' || pkg.source.kind === 'virtual') ? { kind: 'workspace' as const, path: pkg.source.path } : pkg.source;
      const component = makeComponent({
        ecosystem: 'pypi',
        name: pkg.name,
        version: pkg.version,
        source,
        type: member ? 'application' : 'library',
        externalReferences: distributionReferences(pkg),
      });
      components.set(component.key, component);
      keyOf.set(pkg, component.key);
    }

    // Edges, and scopes by reachability with extras activated along the way.
    const bestScope = new Map<UvPackage, Scope>();
    const extrasVia = new Map<UvPackage, Set<string>>();
    const groupsVia = new Map<UvPackage, Set<string>>();
    const edgeTargets = (visit: Visit): { pkg: UvPackage; extras: readonly string[] }[] => {
      const out: { pkg: UvPackage; extras: readonly string[] }[] = [];
      const add = (deps: readonly UvDependencyRef[]): void => {
        for (const dep of deps) {
          const target = resolve(visit.pkg, dep);
          if (target !== undefined) out.push({ pkg: target, extras: dep.extras });
        }
      };
      add(visit.pkg.dependencies);
      for (const extra of visit.extras) add(visit.pkg.optionalDependencies.get(extra) ?? []);
      return out;
    };
    const walk = (seeds: readonly Visit[], scope: Scope, onReach?: (pkg: UvPackage) => void): void => {
      const seen = new Set<string>();
      const stack = [...seeds];
      while (stack.length > 0) {
        const visit = stack.pop() as Visit;
        const id = `${visit.pkg.index}[${[...visit.extras].sort().join(',')}]`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (visit.pkg !== rootPkg) {
          const prev = bestScope.get(visit.pkg);
          if (prev === undefined || rank(scope) > rank(prev)) bestScope.set(visit.pkg, scope);
          onReach?.(visit.pkg);
        }
        const key = keyOf.get(visit.pkg);
        for (const target of edgeTargets(visit)) {
          const targetKey = keyOf.get(target.pkg);
          if (key !== undefined && targetKey !== undefined) components.get(key)?.dependsOn.add(targetKey);
          stack.push({ pkg: target.pkg, extras: target.extras });
        }
      }
    };
    const note = (map: Map<UvPackage, Set<string>>, label: string) => (pkg: UvPackage) => {
      let set = map.get(pkg);
      if (set === undefined) map.set(pkg, (set = new Set()));
      set.add(label);
    };

    // Roots of the traversal: the project itself and every workspace member (they are all first-party code).
    const tops = [rootPkg, ...lock.packages.filter((p) => p !== rootPkg && isMember(p))].filter((p): p is UvPackage => p !== undefined);
    const depsVisits = (owner: UvPackage, deps: readonly UvDependencyRef[]): Visit[] =>
      deps.map((d) => resolve(owner, d)).flatMap((pkg, i) => (pkg === undefined ? [] : [{ pkg, extras: deps[i]?.extras ?? [] }]));
    for (const top of tops) walk([{ pkg: top, extras: [] }], 'required');
    for (const top of tops) {
      for (const [extra, deps] of top.optionalDependencies) walk(depsVisits(top, deps), 'optional', top === rootPkg ? note(extrasVia, extra) : undefined);
    }
    for (const top of tops) {
      for (const [group, deps] of top.devDependencies) walk(depsVisits(top, deps), 'excluded', top === rootPkg ? note(groupsVia, group) : undefined);
    }

    const rootDependsOn = new Set<string>();
    if (rootPkg !== undefined) {
      const direct = [...rootPkg.dependencies, ...[...rootPkg.optionalDependencies.values()].flat(), ...[...rootPkg.devDependencies.values()].flat()];
      for (const dep of direct) {
        const target = resolve(rootPkg, dep);
        const key = target !== undefined ? keyOf.get(target) : undefined;
        if (key !== undefined) rootDependsOn.add(key);
      }
    }
    const workspaceMembers = new Set<string>();
    for (const pkg of lock.packages) {
      const key = keyOf.get(pkg);
      if (key === undefined) continue;
      const component = components.get(key) as Component;
      if (component.type === 'application') {
        workspaceMembers.add(key);
        rootDependsOn.add(key);
      }
      const scope = bestScope.get(pkg);
      if (scope === undefined) {
        warnings.push(`${ctx.lockfileRel}: "${pkg.name}" ${pkg.version ?? ''} is locked but not reachable from the project; recorded as excluded`);
      }
      component.scope = component.type === 'application' ? 'required' : (scope ?? 'excluded');
      if (component.scope === 'optional') for (const e of [...(extrasVia.get(pkg) ?? [])].sort()) component.properties.push(['cdx:uv:extra', e]);
      if (component.scope === 'excluded') for (const g of [...(groupsVia.get(pkg) ?? [])].sort()) component.properties.push(['cdx:uv:group', g]);
    }

    const root = rootFromMetadata(pyproject, pyproject !== undefined ? manifestRel : undefined, rootPkg?.name ?? basenameOf(ctx), rootPkg?.version);
    return { format: 'uv', lockfile: ctx.lockfileRel, root, components, rootDependsOn, workspaceMembers, warnings, carriesLicenses: false };
  },
};

function rank(scope: Scope): number {
  return scope === 'required' ? 3 : scope === 'optional' ? 2 : 1;
}

function basenameOf(ctx: SourceContext): string {
  const parts = ctx.lockfilePath.split(/[\\/]/);
  return parts[parts.length - 2] ?? 'project';
}

/** One `distribution` reference per sdist/wheel, with its sha256: the evidence of exactly which files were locked. */
function distributionReferences(pkg: UvPackage): ExternalReference[] {
  const refs: ExternalReference[] = [];
  for (const dist of pkg.distributions) {
    const url = dist.url ?? dist.path ?? dist.filename;
    if (url === undefined) continue;
    const m = dist.hash !== undefined ? /^(sha256|sha384|sha512|sha1|md5):([0-9a-f]+)$/i.exec(dist.hash) : null;
    const alg = m !== null ? ({ sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sha1: 'SHA-1', md5: 'MD5' } as const)[(m[1] as string).toLowerCase() as 'sha256'] : undefined;
    refs.push({
      type: 'distribution',
      url,
      ...(alg !== undefined && m !== null ? { hashes: [{ alg, content: (m[2] as string).toLowerCase() }] } : {}),
    });
  }
  return refs;
}
