/**
 * Where a locked yarn package comes from: classic v1 from its `resolved` URL (and `file:` descriptors), berry from
 * the reference of its `resolution` locator (`npm:`, `workspace:`, `patch:`, git, tarball URL, `file:`/`link:`/`portal:`).
 */
import { isDefaultRegistry } from '../../component-builder.js';
import type { PackageSource } from '../../model.js';
import { parseParams, protocolOf, safeDecode, splitDescriptor } from './descriptor.js';

const GIT_SHORTHAND_HOSTS: Readonly<Record<string, string>> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

/** Classic v1: source of a package from `resolved` (may be absent) and the ranges it was locked for. */
export function classicSource(resolved: string | undefined, name: string, ranges: readonly string[]): PackageSource {
  const local = ranges.find((r) => r.startsWith('file:') || r.startsWith('link:'));
  if (resolved === undefined || resolved === '') {
    if (local !== undefined) return { kind: 'path', path: local.slice(local.indexOf(':') + 1) };
    return { kind: 'registry' };
  }
  if (resolved.startsWith('file:')) return { kind: 'path', path: stripFragment(resolved.slice('file:'.length)) };
  const git = gitFromUrl(resolved);
  if (git !== undefined) return git;
  if (/^https?:\/\//i.test(resolved)) return registryOfTarball(stripFragment(resolved), name) ?? { kind: 'url', url: stripFragment(resolved) };
  return { kind: 'url', url: stripFragment(resolved) };
}

/** The `#<sha1>` fragment yarn v1 appends to `resolved` (hex), when it is one. */
export function classicSha1(resolved: string | undefined): string | undefined {
  if (resolved === undefined) return undefined;
  const hash = resolved.lastIndexOf('#');
  if (hash < 0) return undefined;
  const fragment = resolved.slice(hash + 1).toLowerCase();
  return /^[0-9a-f]{40}$/.test(fragment) && !gitFromUrl(resolved) ? fragment : undefined;
}

export interface BerryLocatorInfo {
  readonly name: string;
  readonly source: PackageSource;
  /** Set for `patch:` locators: the patch applied (e.g. `optional!builtin<compat/fsevents>` or a `.patch` path). */
  readonly patch?: string;
  /** Set for `workspace:` locators: the member's path relative to the project root. */
  readonly workspace?: string;
}

/** Berry: what a `resolution` locator says. Undefined when it is not `name@reference`. */
export function berryLocator(locator: string): BerryLocatorInfo | undefined {
  const parts = splitDescriptor(locator);
  if (parts === undefined) return undefined;
  const { name, range } = parts;
  switch (protocolOf(range)) {
    case 'npm':
      return { name, source: { kind: 'registry' } };
    case 'workspace': {
      const path = range.slice('workspace:'.length) || '.';
      return { name, source: { kind: 'workspace', path }, workspace: path };
    }
    case 'patch':
      return patchLocator(name, range);
    case 'file':
    case 'link':
    case 'portal':
    case 'exec':
      return { name, source: { kind: 'path', path: range.slice(range.indexOf(':') + 1).split('::')[0]?.split('#')[0] ?? '' } };
    default: {
      const git = gitFromUrl(range);
      if (git !== undefined) return { name, source: git };
      return { name, source: { kind: 'url', url: range.split('::')[0] ?? range } };
    }
  }
}

/** `patch:<url-encoded base locator>#<patch>::version=...&hash=...` → the base package plus the patch. */
function patchLocator(name: string, range: string): BerryLocatorInfo | undefined {
  const body = range.slice('patch:'.length);
  const hash = body.indexOf('#');
  const base = safeDecode(hash < 0 ? body : body.slice(0, hash));
  const patch = hash < 0 ? '' : (body.slice(hash + 1).split('::')[0] ?? '');
  const inner = berryLocator(base);
  if (inner === undefined || inner.name !== name) return undefined;
  return { ...inner, patch: safeDecode(patch) };
}

/** Git sources: `git+ssh://…#sha`, `git://…`, `github:o/r#sha`, berry's `https://host/o/r.git#commit=sha`, codeload tarballs. */
function gitFromUrl(url: string): PackageSource | undefined {
  const shorthand = /^(github|gitlab|bitbucket):([^#]+?)(?:\.git)?(?:#(.*))?$/.exec(url);
  if (shorthand !== null) {
    return withCommit(`https://${GIT_SHORTHAND_HOSTS[shorthand[1] as string] as string}/${shorthand[2] as string}.git`, shorthand[3]);
  }
  const codeload = /^https:\/\/codeload\.github\.com\/([^/]+)\/([^/]+)\/tar\.gz\/([0-9a-f]{40})(?:#.*)?$/i.exec(url);
  if (codeload !== null) return withCommit(`https://github.com/${codeload[1] as string}/${codeload[2] as string}.git`, codeload[3]);
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const isGit = /^(git\+[a-z]+:|git:|git@|ssh:)/i.test(url) || /\.git$/i.test(base) || (fragment !== undefined && /(^|&)commit=/.test(fragment));
  if (!isGit) return undefined;
  return withCommit(base, fragment);
}

/** A fragment is a commit when it is hex (`#abc123`) or names one (`#commit=abc123`); branches and semver tags are not. */
function withCommit(url: string, fragment: string | undefined): PackageSource {
  if (fragment === undefined) return { kind: 'git', url };
  const commit = /^[0-9a-f]{7,40}$/i.test(fragment) ? fragment : parseParams(fragment).get('commit');
  return commit !== undefined && /^[0-9a-f]{7,40}$/i.test(commit) ? { kind: 'git', url, commit: commit.toLowerCase() } : { kind: 'git', url };
}

/** `<registry>/<name>/-/<file>.tgz` → that registry (none for the public one); other URLs → undefined. */
function registryOfTarball(url: string, name: string): PackageSource | undefined {
  const marker = url.lastIndexOf('/-/');
  if (marker < 0 || !/\.tgz(\?.*)?$/i.test(url)) return undefined;
  const before = url.slice(0, marker);
  const encoded = name.replace('/', '%2f');
  let base: string | undefined;
  for (const spelling of [name, encoded]) {
    if (before.toLowerCase().endsWith(`/${spelling.toLowerCase()}`)) base = before.slice(0, before.length - spelling.length - 1);
  }
  if (base === undefined) return undefined;
  const normalised = base.replace(/\/+$/, '');
  if (isDefaultRegistry('npm', normalised) || isDefaultRegistry('npm', normalised.replace(/^http:/i, 'https:'))) return { kind: 'registry' };
  return { kind: 'registry', url: normalised };
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
