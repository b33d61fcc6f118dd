import { dirname, posix, relative, resolve, sep } from 'node:path';
import { IoError } from '../../../core/errors.js';
import { normalizePypiName } from '../../../core/purl.js';
import type { PackageSource } from '../../model.js';
import type { SourceContext } from '../../source.js';
import { readPyprojectMetadata } from '../python-common/pyproject-metadata.js';
import type { RequirementEntry } from './requirement-entry.js';
import { withoutCredentials } from './url-credentials.js';

/** What a URL, VCS or local-path requirement contributes: its identity and where its `--hash` digests point. */
export interface LinkTarget {
  readonly name: string;
  readonly version?: string;
  readonly source: PackageSource;
  readonly hashUrl?: string;
}

/** A component for a URL, VCS or local-path requirement; undefined (with a warning) when it cannot be named. */
export async function linkTarget(ctx: SourceContext, entry: RequirementEntry, rootDir: string, warnings: string[]): Promise<LinkTarget | undefined> {
  const link = entry.link;
  if (link === undefined) return undefined;
  const where = `${entry.file}:${entry.line}`;
  let name = entry.name;
  let version = entry.linkVersion;
  let source: PackageSource;
  let hashUrl: string | undefined;
  let unpinnedGit: string | undefined;
  switch (link.kind) {
    case 'url': {
      const url = withoutCredentials(link.url);
      source = { kind: 'url', url };
      hashUrl = url.replace(/#.*$/, '');
      break;
    }
    case 'vcs':
      source = { kind: 'url', url: withoutCredentials(link.url) };
      break;
    case 'git': {
      const repo = withoutCredentials(link.repo);
      const commit = link.ref !== undefined && /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(link.ref) ? link.ref.toLowerCase() : undefined;
      if (commit !== undefined) source = { kind: 'git', url: repo, commit };
      else {
        source = { kind: 'git', url: link.ref !== undefined ? `${repo}@${link.ref}` : repo };
        unpinnedGit = `${where}: "${entry.text}" is not pinned to a commit${link.ref !== undefined ? ` (ref ${link.ref} can move)` : ''}`;
      }
      break;
    }
    case 'path': {
      const path = normalizeLocalPath(link.path);
      if (!link.archive && path === rootDir) return undefined; // the project itself (`-e .`): it is the root
      if (!link.archive && !posix.isAbsolute(path) && !path.startsWith('~')) {
        // pip resolves local paths against the directory it runs in: we take the project directory.
        const rel = toPosix(relative(dirname(ctx.lockfilePath), resolve(ctx.projectDir, path, 'pyproject.toml')));
        let text: string | undefined;
        try {
          text = await ctx.readSibling(rel);
        } catch (error) {
          if (!(error instanceof IoError)) throw error;
          warnings.push(`${where}: cannot read ${posix.join(path, 'pyproject.toml')} (${error.message})`);
        }
        if (text !== undefined) {
          const info = await readPyprojectMetadata(text, posix.join(path, 'pyproject.toml'));
          name ??= info.name;
          if (info.name === undefined || normalizePypiName(info.name) === normalizePypiName(name ?? '')) version ??= info.version;
        }
      }
      if (name === undefined) {
        const segment = path.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').pop();
        if (segment === undefined) {
          warnings.push(`${where}: cannot tell the package name of "${entry.text}"; left out`);
          return undefined;
        }
        name = segment;
        warnings.push(`${where}: no package name for "${entry.text}" (no #egg= and no [project] name in ${posix.join(path, 'pyproject.toml')}); named after its directory`);
      }
      source = link.editable ? { kind: 'path', path, editable: true } : { kind: 'path', path };
      hashUrl = link.archive ? path : undefined;
      break;
    }
  }
  if (name === undefined) {
    warnings.push(`${where}: cannot tell the package name of "${entry.text}" without building it (add #egg=<name> or write "<name> @ <url>"); left out`);
    return undefined;
  }
  if (unpinnedGit !== undefined) warnings.push(unpinnedGit);
  return { name, ...(version !== undefined ? { version } : {}), source, ...(hashUrl !== undefined ? { hashUrl } : {}) };
}

function normalizeLocalPath(path: string): string {
  const p = posix.normalize(path.replace(/\\/g, '/'));
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
