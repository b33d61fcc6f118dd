import type { PackageSource } from '../../model.js';
import { isDefaultRegistry } from '../../component-builder.js';

const GIT_HOSTS: Readonly<Record<string, string>> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

/**
 * Where an installed package came from, by its `resolved` value: a registry tarball
 * (`<registry>/<name>/-/<file>.tgz`; the public registry gets no URL), a git URL with its commit, a `file:` path,
 * or any other URL. No `resolved` (bundled packages, `omit-lockfile-registry-resolved`) means the default registry.
 */
export function sourceFromResolved(resolved: string | undefined, name: string): PackageSource {
  if (resolved === undefined || resolved === '') return { kind: 'registry' };
  if (resolved.startsWith('file:')) return { kind: 'path', path: resolved.slice('file:'.length) };
  const git = gitSource(resolved);
  if (git !== undefined) return git;
  if (/^https?:\/\//i.test(resolved)) {
    const registry = registryOfTarball(resolved, name);
    return registry === undefined ? { kind: 'url', url: resolved } : registry;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(resolved)) return { kind: 'url', url: resolved };
  return { kind: 'path', path: resolved };
}

function gitSource(resolved: string): PackageSource | undefined {
  const shorthand = /^(github|gitlab|bitbucket):([^#]+?)(?:\.git)?(?:#(.*))?$/.exec(resolved);
  if (shorthand !== null) {
    const url = `git+https://${GIT_HOSTS[shorthand[1] as string] as string}/${shorthand[2] as string}.git`;
    return withCommit(url, shorthand[3]);
  }
  if (!/^(git\+[a-z]+:|git:|git@)/i.test(resolved)) return undefined;
  const hash = resolved.indexOf('#');
  return hash < 0 ? { kind: 'git', url: resolved } : withCommit(resolved.slice(0, hash), resolved.slice(hash + 1));
}

/** Only a full or abbreviated hex id is a commit; `#semver:^1` or a branch name is not. */
function withCommit(url: string, fragment: string | undefined): PackageSource {
  return fragment !== undefined && /^[0-9a-f]{7,40}$/i.test(fragment) ? { kind: 'git', url, commit: fragment.toLowerCase() } : { kind: 'git', url };
}

/** The registry base of a tarball URL `<base>/<name>/-/<file>.tgz` (scoped names may be `%2f`-encoded). */
function registryOfTarball(url: string, name: string): PackageSource | undefined {
  const marker = url.lastIndexOf('/-/');
  if (marker < 0 || !/\.tgz(\?.*)?$/i.test(url)) return undefined;
  const before = url.slice(0, marker);
  let base: string;
  if (before.endsWith(`/${name}`)) base = before.slice(0, before.length - name.length - 1);
  else {
    base = before.slice(0, before.lastIndexOf('/'));
    if (/\/@[^/]+$/.test(base)) base = base.slice(0, base.lastIndexOf('/'));
  }
  const normalised = base.replace(/\/+$/, '');
  if (isDefaultRegistry('npm', normalised) || isDefaultRegistry('npm', normalised.replace(/^http:/i, 'https:'))) return { kind: 'registry' };
  return { kind: 'registry', url: normalised };
}
