import { compareStrings } from './lock-document.js';
import type { LockDocument } from './lock-document.js';
import type { LockEntry } from './lock-entry.js';
import { readFlags } from './lock-flags.js';

/**
 * Normalises a lockfileVersion 1 tree: each `dependencies` entry is installed at its parent's path +
 * `/node_modules/<name>`, nested `dependencies` are the packages installed beneath it, and `requires` lists what it
 * depends on (all kinds together; v1 does not say which are optional or peer).
 */
export function entriesFromDependencyTree(doc: LockDocument, top: Record<string, unknown>): Map<string, LockEntry> {
  const collected: LockEntry[] = [];
  const stack: { parentPath: string; at: readonly string[]; deps: Record<string, unknown> }[] = [{ parentPath: '', at: ['dependencies'], deps: top }];
  while (stack.length > 0) {
    const { parentPath, at: parentAt, deps } = stack.pop() as (typeof stack)[number];
    for (const installName of Object.keys(deps)) {
      const at = [...parentAt, installName];
      const raw = doc.record(deps[installName], at, `the entry for "${installName}"`);
      const path = `${parentPath === '' ? '' : `${parentPath}/`}node_modules/${installName}`;
      const spec = versionSpec(doc.optionalString(raw, 'version', at));
      collected.push({
        path,
        location: at,
        name: spec.name,
        version: spec.version,
        resolved: spec.resolved ?? doc.optionalString(raw, 'resolved', at),
        integrity: doc.optionalString(raw, 'integrity', at),
        link: false,
        flags: readFlags(raw),
        license: undefined,
        deps: { dependencies: doc.depNames(raw, 'requires', at), optionalDependencies: [], peerDependencies: [], devDependencies: [] },
      });
      const children = raw['dependencies'];
      if (children !== undefined && children !== null) {
        stack.push({ parentPath: path, at: [...at, 'dependencies'], deps: doc.record(children, [...at, 'dependencies'], '"dependencies"') });
      }
    }
  }
  collected.sort((a, b) => compareStrings(a.path, b.path));
  return new Map(collected.map((entry) => [entry.path, entry]));
}

interface VersionSpec {
  readonly name?: string;
  readonly version?: string;
  readonly resolved?: string;
}

/**
 * v1 `version` is a semver version, or what was installed instead: `npm:<real>@<version>` for an alias, a git URL
 * with its commit (`git+https://…#sha`, `github:user/repo#sha`), a tarball URL, or `file:<path>`.
 */
function versionSpec(version: string | undefined): VersionSpec {
  if (version === undefined) return {};
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(version);
  if (alias !== null) return { name: alias[1], version: alias[2] };
  if (/^[a-z][a-z0-9+.-]*:/i.test(version) || version.includes('/')) return { resolved: version };
  return { version };
}
