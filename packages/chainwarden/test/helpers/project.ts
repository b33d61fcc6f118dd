import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small project with build artefacts in dist/, lockfiles and an SBOM, written in a temp dir. */
export function buildProject(dir: string): string {
  mkdirSync(join(dir, 'dist/sbom'), { recursive: true });
  mkdirSync(join(dir, 'apps/web-ui'), { recursive: true });
  writeFileSync(join(dir, 'uv.lock'), 'version = 1\nrequires-python = ">=3.12"\n');
  writeFileSync(join(dir, 'apps/web-ui/package-lock.json'), '{"lockfileVersion": 3, "packages": {}}\n');
  writeFileSync(join(dir, 'dist/hotpass-0.3.0-py3-none-any.whl'), 'a wheel\n');
  writeFileSync(join(dir, 'dist/hotpass-0.3.0.tar.gz'), 'an sdist\n');
  writeFileSync(join(dir, 'dist/notes.txt'), 'not an artefact\n');
  writeFileSync(join(dir, 'dist/sbom/hotpass-sbom.json'), '{"bomFormat": "CycloneDX"}\n');
  return dir;
}

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Makes dir a git repository on branch main with one commit and an `origin` remote; returns the commit. */
export function gitInit(dir: string, remote?: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  if (remote !== undefined) git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * An environment with no CI variables (tests may run inside GitHub Actions or GitLab CI). The detection switches are
 * set to '' rather than deleted, so that runCli (which starts from process.env) turns them off too.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(GITHUB_|GITLAB_|CI_|RUNNER_)/.test(k) && k !== 'CI') env[k] = v;
  return { ...env, GITHUB_ACTIONS: '', GITLAB_CI: '', ...extra };
}

/** Every string in a JSON value. */
export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) {
    out.push(k);
    strings(v, out);
  }
  return out;
}
