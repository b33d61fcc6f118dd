import { isDefaultRegistry } from '../../component-builder.js';
import type { PackageSource } from '../../model.js';
import { projectPath } from './paths.js';

/** The `resolution` of a package entry, type-checked. */
export interface Resolution {
  readonly integrity?: string;
  readonly tarball?: string;
  readonly repo?: string;
  readonly commit?: string;
  readonly type?: string;
  readonly directory?: string;
}

export interface SourceInput {
  readonly key: string;
  readonly name: string;
  readonly version: string | undefined;
  /** The key has the shape of a registry package (name + semver). */
  readonly registryShaped: boolean;
  /** The version part of the key when it is a spec (`file:…`, `https://…`), v9. */
  readonly keyVersion: string | undefined;
  readonly resolution: Resolution;
  /** Directory of the lockfile relative to the project (POSIX, `.` when beside it). */
  readonly lockDir: string;
}

/** Tarball URLs of git hosts, and how to turn them into a repository URL and commit. */
const GIT_HOST_TARBALLS: readonly { readonly pattern: RegExp; readonly repo: (m: RegExpExecArray) => string }[] = [
  { pattern: /^https:\/\/codeload\.github\.com\/([^/]+\/[^/]+)\/tar\.gz\/([0-9a-f]{7,64})$/i, repo: (m) => `https://github.com/${m[1]}.git` },
  { pattern: /^https:\/\/gitlab\.com\/(.+?)\/repository\/archive\.tar\.gz\?ref=([0-9a-f]{7,64})$/i, repo: (m) => `https://gitlab.com/${m[1]}.git` },
  { pattern: /^https:\/\/gitlab\.com\/(.+?)\/-\/archive\/([0-9a-f]{7,64})\/[^/]+\.tar\.gz$/i, repo: (m) => `https://gitlab.com/${m[1]}.git` },
  { pattern: /^https:\/\/bitbucket\.org\/([^/]+\/[^/]+)\/get\/([0-9a-f]{7,64})\.tar\.gz$/i, repo: (m) => `https://bitbucket.org/${m[1]}.git` },
];

/** v5/v6 keys of git-hosted packages: `github.com/user/repo/<commit>`. */
const GIT_HOST_KEY = /^((?:github\.com|gitlab\.com|bitbucket\.org)\/.+)\/([0-9a-f]{7,64})$/i;

function gitHosted(url: string): PackageSource | undefined {
  for (const host of GIT_HOST_TARBALLS) {
    const m = host.pattern.exec(url);
    if (m !== null) return { kind: 'git', url: host.repo(m), commit: (m[2] as string).toLowerCase() };
  }
  return undefined;
}

/** `https://npm.example.com/@s/n/-/n-1.0.0.tgz` → `https://npm.example.com` when it is that package's registry tarball. */
function registryOfTarball(tarball: string, name: string, version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  const suffix = `/${name}/-/${base}-${version}.tgz`;
  return /^https?:\/\//.test(tarball) && tarball.endsWith(suffix) ? tarball.slice(0, -suffix.length) : undefined;
}

function fromTarball(input: SourceInput, tarball: string): PackageSource {
  if (tarball.startsWith('file:')) return { kind: 'path', path: projectPath(input.lockDir, tarball.slice('file:'.length)) };
  const git = gitHosted(tarball);
  if (git !== undefined) return git;
  const registry = input.registryShaped ? registryOfTarball(tarball, input.name, input.version) : undefined;
  if (registry !== undefined) return isDefaultRegistry('npm', registry) ? { kind: 'registry' } : { kind: 'registry', url: registry };
  return { kind: 'url', url: tarball };
}

/**
 * Where a locked package comes from, by its resolution first and its key second:
 * git repo/commit → git; directory → local path; tarball → git host, registry or plain URL; `file:`/`link:`
 * keys → local path; `github.com/u/r/<sha>` keys → git; otherwise the default registry.
 */
export function packageSource(input: SourceInput): PackageSource {
  const r = input.resolution;
  if (r.repo !== undefined && (r.type === 'git' || r.commit !== undefined)) {
    return { kind: 'git', url: r.repo, ...(r.commit !== undefined ? { commit: r.commit } : {}) };
  }
  if (r.directory !== undefined || r.type === 'directory') {
    return { kind: 'path', path: projectPath(input.lockDir, r.directory ?? specPath(input) ?? '.') };
  }
  if (r.tarball !== undefined) return fromTarball(input, r.tarball);
  const local = specPath(input);
  if (local !== undefined) return { kind: 'path', path: projectPath(input.lockDir, local) };
  const hosted = GIT_HOST_KEY.exec(input.key);
  if (hosted !== null) return { kind: 'git', url: `https://${hosted[1]}.git`, commit: (hosted[2] as string).toLowerCase() };
  return { kind: 'registry' };
}

/** The directory of a `file:`/`link:` key or key version, relative to the lockfile. */
function specPath(input: SourceInput): string | undefined {
  for (const spec of [input.keyVersion, input.key]) {
    const m = spec === undefined ? null : /^(?:file|link):(.*)$/.exec(spec);
    if (m !== null) return m[1];
  }
  return undefined;
}
