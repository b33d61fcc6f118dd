/**
 * The source of a local build, asked of git: the commit checked out, the branch or tag, and the `origin` remote.
 * Outside a git repository (or without git) the source is unknown, which is said, not an error.
 */
import { execFile } from 'node:child_process';
import type { Redactor } from './redact.js';

export interface GitSource {
  /** Remote URL without credentials, when it is a network URL (local paths are never recorded). */
  readonly repository?: string;
  readonly ref?: string;
  readonly commit: string;
  /** Tracked files differ from the commit: the build did not come from exactly that commit. */
  readonly uncommittedChanges: boolean;
}

export type GitLookup = { readonly found: true; readonly source: GitSource } | { readonly found: false; readonly reason: string };

function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      resolve(error === null ? stdout.trim() : undefined);
    });
  });
}

/**
 * Network remotes only (https, http, ssh, git URLs and scp-like `git@host:owner/repo`), without user info (a token
 * in a remote URL must never reach provenance) and without a trailing `.git`. Local paths give undefined.
 */
export function networkRemote(url: string): string | undefined {
  const scp = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,}):(?!\/)(.+)$/.exec(url);
  const full = scp !== null ? `ssh://${scp[1] as string}/${scp[2] as string}` : url;
  if (!/^(https?|ssh|git(\+ssh)?):\/\//i.test(full)) return undefined;
  return full.replace(/^([a-z+]+:\/\/)[^/@]*@/i, '$1').replace(/\/+$/, '').replace(/\.git$/, '');
}

export async function lookupGitSource(projectDir: string, redactor: Redactor): Promise<GitLookup> {
  const commit = await git(projectDir, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) {
    const inside = await git(projectDir, ['rev-parse', '--is-inside-work-tree']);
    return { found: false, reason: inside === 'true' ? 'the git repository has no commit yet' : 'not a git repository (or git is not installed)' };
  }
  const ref = (await git(projectDir, ['symbolic-ref', '-q', 'HEAD'])) ?? (await git(projectDir, ['describe', '--tags', '--exact-match', '--match', '*', 'HEAD']))?.replace(/^/, 'refs/tags/');
  const remote = await git(projectDir, ['config', '--get', 'remote.origin.url']);
  const repository = remote !== undefined ? networkRemote(remote) : undefined;
  const status = await git(projectDir, ['status', '--porcelain', '--untracked-files=no']);
  return {
    found: true,
    source: {
      commit,
      uncommittedChanges: status !== undefined && status !== '',
      ...(repository !== undefined ? { repository: redactor.value(repository) } : {}),
      ...(ref !== undefined && ref !== '' ? { ref } : {}),
    },
  };
}
