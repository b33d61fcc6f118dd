/**
 * The release id `chainwarden run` stores evidence under: the git tag when HEAD is tagged (on GitHub Actions, a tag
 * push's `GITHUB_REF=refs/tags/<tag>`), else the commit sha, else `run-<UTC time>` outside a git repository.
 */
import { execFile } from 'node:child_process';
import { releaseIdProblem } from './keys.js';

export interface ReleaseId {
  readonly id: string;
  readonly from: 'tag' | 'commit' | 'time';
}

function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      resolve(error === null ? stdout.trim() : undefined);
    });
  });
}

export async function releaseIdFor(projectDir: string, env: NodeJS.ProcessEnv, now: Date): Promise<ReleaseId> {
  const ref = env['GITHUB_REF'];
  const ciTag = ref?.startsWith('refs/tags/') === true ? ref.slice('refs/tags/'.length) : undefined;
  const tag = ciTag ?? (await git(projectDir, ['describe', '--tags', '--exact-match', 'HEAD']))?.split('\n')[0];
  if (tag !== undefined && tag !== '' && releaseIdProblem(tag) === undefined) return { id: tag, from: 'tag' };
  const commit = await git(projectDir, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (commit !== undefined && /^[0-9a-f]{40,64}$/u.test(commit)) return { id: commit, from: 'commit' };
  return { id: `run-${now.toISOString().replace(/\.\d{3}Z$/u, 'Z').replace(/[-:]/gu, '')}`, from: 'time' };
}
