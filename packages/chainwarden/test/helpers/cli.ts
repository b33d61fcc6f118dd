import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './shared.js';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI as a user would: a separate Node process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // Tests decide what the environment says: no reproducible-build epoch, no CI identity, no OIDC token (a
  // keyless signing attempt would reach for the network), no CI event deciding `run --mode`, unless the test sets them.
  for (const name of ['GITHUB_EVENT_NAME', 'GITHUB_REF_TYPE', 'GITHUB_STEP_SUMMARY', 'CI_PIPELINE_SOURCE', 'CI_COMMIT_TAG', 'SOURCE_DATE_EPOCH', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SIGSTORE_ID_TOKEN', 'CHAINWARDEN_SIGNING_KEY', 'CHAINWARDEN_KEY_PASSWORD', 'CHAINWARDEN_DATABASE_URL']) {
    delete env[name];
  }
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Copies the bundled example project into `dir` (tests never write into the repository). */
export function copyExample(dir: string, name = 'hotpass-like'): string {
  const target = join(dir, name);
  cpSync(join(REPO_ROOT, 'examples', name), target, { recursive: true, filter: (src) => !/[\\/](dist|data|node_modules)$/.test(src) });
  return target;
}
