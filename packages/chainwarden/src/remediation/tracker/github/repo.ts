import { UsageError } from '../../../core/errors.js';

export interface RepoRef {
  readonly owner: string;
  readonly name: string;
}

const PART = /^[A-Za-z0-9_.-]{1,100}$/u;

/** Parses `owner/repo` (as GitHub spells repositories), or a usage error naming the flag. */
export function parseRepo(value: string, flag = '--github'): RepoRef {
  const [owner, name, extra] = value.split('/');
  if (owner === undefined || name === undefined || extra !== undefined || !PART.test(owner) || !PART.test(name) || name === '.' || name === '..') {
    throw new UsageError(`${flag}: expected owner/repo (e.g. acme/hotpass), got "${value}"`);
  }
  return { owner, name };
}

/** The REST API base: --api-url, else GITHUB_API_URL (set by GitHub Actions and GitHub Enterprise), else api.github.com. */
export function apiBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = flag ?? (env['GITHUB_API_URL'] !== undefined && env['GITHUB_API_URL'] !== '' ? env['GITHUB_API_URL'] : 'https://api.github.com');
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new UsageError(`${flag !== undefined ? '--api-url' : 'GITHUB_API_URL'}: not a URL: "${raw}"`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${flag !== undefined ? '--api-url' : 'GITHUB_API_URL'}: expected an http(s) URL, got "${raw}"`);
  return url.toString().replace(/\/+$/u, '');
}
