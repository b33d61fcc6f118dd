import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256Hex } from '../../src/core/digest.js';
import { releaseIdFor } from '../../src/store/release-id.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

interface RunJson {
  exitCode: number;
  stages: { stage: string; status: string; detail: string; summary?: { release: string; releaseFrom: string; entries: { name: string; kind: string; digest: string; status: string }[] } }[];
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

describe('store CLI on a real run of the example project', () => {
  it('run stores its evidence under the git tag; list, show, get, verify, export (sha256sum -c accepts it), tampering, hold', () => {
    const { dir, cleanup } = tempDir();
    try {
      const project = copyExample(dir);
      git(project, 'init', '-q');
      git(project, 'add', '-A');
      git(project, 'commit', '-qm', 'example');
      git(project, 'tag', 'v0.3.0');
      const run = runCli(['run', project, '--json'], { env: { CHAINWARDEN_NOW: '2026-03-01T12:00:00Z' } });
      assert.equal(run.status, 0, run.stderr);
      const result = JSON.parse(run.stdout) as RunJson;
      const stage = result.stages.find((s) => s.stage === 'store');
      assert.equal(stage?.status, 'ok');
      assert.equal(stage?.summary?.release, 'v0.3.0');
      assert.equal(stage?.summary?.releaseFrom, 'tag');
      assert.match(stage?.detail ?? '', /^4 artefact\(s\) -> v0\.3\.0 \(git tag\) in data\/artifacts\/supply-chain: 4 new; kept until 2027-03-01$/);
      const kinds = Object.fromEntries(stage?.summary?.entries.map((e) => [e.name, e.kind]) ?? []);
      assert.deepEqual(kinds, {
        'dist/checksums.txt': 'checksums',
        'dist/provenance/provenance.json': 'provenance',
        'dist/sbom/hotpass-like-sbom.json': 'sbom',
        'reports/policy-report.json': 'policy-report',
      });
      const sbomBytes = readFileSync(join(project, 'dist/sbom/hotpass-like-sbom.json'));
      assert.equal(stage?.summary?.entries.find((e) => e.kind === 'sbom')?.digest, `sha256:${sha256Hex(sbomBytes)}`);

      const list = runCli(['store', 'list'], { cwd: project });
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stdout, /^store data\/artifacts\/supply-chain: 1 release\(s\)\n\s+RELEASE\s+ENTRIES\s+SIZE\s+CREATED\s+FIRST EXPIRY\s+HELD\n\s+v0\.3\.0\s+4\s+[\d.]+ kB\s+2026-03-01\s+2027-03-01\s+0\n$/);
      const show = runCli(['store', 'show', 'v0.3.0', '--json'], { cwd: project });
      const shown = JSON.parse(show.stdout) as { index: string; entries: { name: string; expires: string }[] };
      assert.equal(shown.index, 'data/artifacts/supply-chain/releases/v0.3.0.json');
      assert.deepEqual(shown.entries.map((e) => e.expires), Array(4).fill('2027-03-01T12:00:00Z'));

      const get = runCli(['store', 'get', 'v0.3.0', 'hotpass-like-sbom.json', '--output', 'copy/sbom.json'], { cwd: project });
      assert.equal(get.status, 0, get.stderr);
      assert.deepEqual(readFileSync(join(project, 'copy/sbom.json')), sbomBytes);
      const toStdout = runCli(['store', 'get', 'v0.3.0', 'dist/checksums.txt'], { cwd: project });
      assert.equal(toStdout.stdout, readFileSync(join(project, 'dist/checksums.txt'), 'utf8'));

      const verify = runCli(['store', 'verify'], { cwd: project });
      assert.equal(verify.status, 0, verify.stdout);
      assert.match(verify.stdout, /1 release\(s\), 4 entries, 4 blob\(s\) re-hashed\nok: every blob matches its digest/);

      const exported = runCli(['store', 'export', 'v0.3.0', '--output', 'evidence-v0.3.0'], { cwd: project });
      assert.equal(exported.status, 0, exported.stderr);
      const bundle = join(project, 'evidence-v0.3.0');
      assert.deepEqual(readdirSync(bundle).sort(), ['SHA256SUMS', 'files', 'index.json']);
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.equal(check.stdout.split('\n').filter((l) => l.endsWith(': OK')).length, 5);
      assert.deepEqual(readFileSync(join(bundle, 'files/dist/sbom/hotpass-like-sbom.json')), sbomBytes);
      assert.equal(readFileSync(join(bundle, 'index.json'), 'utf8'), readFileSync(join(project, 'data/artifacts/supply-chain/releases/v0.3.0.json'), 'utf8'));
      const again = runCli(['store', 'export', 'v0.3.0', '--output', 'evidence-v0.3.0'], { cwd: project });
      assert.equal(again.status, 2);
      assert.match(again.stderr, /evidence-v0\.3\.0: the output folder exists and is not empty/);

      // A second run of the same tag: the deterministic SBOM is unchanged, the rest (timestamps) replaced.
      const rerun = JSON.parse(runCli(['run', project, '--json'], { env: { CHAINWARDEN_NOW: '2026-03-02T12:00:00Z' } }).stdout) as RunJson;
      const restage = rerun.stages.find((s) => s.stage === 'store');
      const statuses = Object.fromEntries(restage?.summary?.entries.map((e) => [e.name, e.status]) ?? []);
      assert.equal(statuses['dist/sbom/hotpass-like-sbom.json'], 'unchanged');
      assert.equal(statuses['dist/provenance/provenance.json'], 'replaced');
      assert.match(restage?.detail ?? '', /: \d unchanged, \d replaced; kept until/);

      // Tampering with the stored SBOM: verify names the entry and exits 1; get refuses to hand it out.
      const blob = join(project, 'data/artifacts/supply-chain/blobs/sha256', sha256Hex(sbomBytes).slice(0, 2), sha256Hex(sbomBytes));
      writeFileSync(blob, sbomBytes.toString('utf8').replace('"bomFormat"', '"bomFormat" ').replace('hotpass', 'h0tpass'));
      const tampered = runCli(['store', 'verify'], { cwd: project });
      assert.equal(tampered.status, 1);
      assert.match(tampered.stdout, /TAMPERED\s+v0\.3\.0\/dist\/sbom\/hotpass-like-sbom\.json\s+blobs\/sha256\/..\/[0-9a-f]{64}\s+hashes to sha256:[0-9a-f]{12}…, expected sha256:[0-9a-f]{12}…/);
      assert.match(tampered.stdout, /FAILED: 1 problem\(s\)/);
      const verifyJson = JSON.parse(runCli(['store', 'verify', 'v0.3.0', '--json'], { cwd: project }).stdout) as { ok: boolean; problems: { problem: string; entries: string[] }[] };
      assert.deepEqual(verifyJson.problems.map((p) => [p.problem, p.entries]), [['tampered', ['v0.3.0/dist/sbom/hotpass-like-sbom.json']]]);
      const refused = runCli(['store', 'get', 'v0.3.0', 'hotpass-like-sbom.json', '--output', 'copy/tampered.json'], { cwd: project });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /v0\.3\.0\/dist\/sbom\/hotpass-like-sbom\.json: .* was altered/);
      assert.equal(existsSync(join(project, 'copy/tampered.json')), false);

      // Legal hold through the CLI.
      const hold = runCli(['store', 'hold', 'v0.3.0', '--reason', 'INC-42', '--json'], { cwd: project, env: { CHAINWARDEN_ACTOR: 'security-lead' } });
      assert.equal(hold.status, 0, hold.stderr);
      assert.equal((JSON.parse(hold.stdout) as { held: { hold: { by: string } }[] }).held[0]?.hold.by, 'security-lead');
      const show2 = runCli(['store', 'show', 'v0.3.0'], { cwd: project });
      assert.match(show2.stdout, /sbom\s+dist\/sbom\/hotpass-like-sbom\.json\s+[\d.]+ kB\s+sha256:\w{12}…\s+2026-03-01\s+2027-03-01\s+held: INC-42/);
    } finally {
      cleanup();
    }
  });

  it('bad input exits 2, names the file and the entry, and changes nothing', () => {
    const { dir, cleanup } = tempDir();
    try {
      const project = copyExample(dir);
      const put = runCli(['store', 'put', 'uv.lock', 'apps/web-ui/package-lock.json', '--release', 'v0.3.0', '--kind', 'other'], { cwd: project });
      assert.equal(put.status, 0, put.stderr);
      assert.match(put.stdout, /new\s+other\s+apps\/web-ui\/package-lock\.json/);
      const indexFile = join(project, 'data/artifacts/supply-chain/releases/v0.3.0.json');
      const before = readFileSync(indexFile, 'utf8');

      const escape = runCli(['store', 'put', 'uv.lock', '--release', '../../../tmp/x'], { cwd: project });
      assert.equal(escape.status, 2);
      assert.match(escape.stderr, /release id "\.\.\/\.\.\/\.\.\/tmp\/x" .* escape the store root/);
      const conflict = runCli(['store', 'put', 'pyproject.toml', '--release', 'v0.3.0'], { cwd: project });
      assert.equal(conflict.status, 0, 'a new name is fine');
      writeFileSync(join(project, 'uv.lock'), `${readFileSync(join(project, 'uv.lock'), 'utf8')}\n`);
      const changed = runCli(['store', 'put', 'uv.lock', '--release', 'v0.3.0'], { cwd: project });
      assert.equal(changed.status, 2);
      assert.match(changed.stderr, /v0\.3\.0\/uv\.lock is already stored with other content .* pass --replace/);
      const missing = runCli(['store', 'show', 'v9'], { cwd: project });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /no release "v9" in the store/);
      const badKind = runCli(['store', 'put', 'uv.lock', '--release', 'v1', '--kind', 'malware'], { cwd: project });
      assert.equal(badKind.status, 2);

      // A hostile index: an entry whose blob points outside the store root.
      const afterPut = readFileSync(indexFile, 'utf8');
      assert.notEqual(afterPut, before);
      const hostile = afterPut.replace(/"blob": "blobs\/sha256\/[^"]+"/, '"blob": "../../../../../etc/passwd"');
      writeFileSync(indexFile, hostile);
      for (const args of [['store', 'list'], ['store', 'show', 'v0.3.0'], ['store', 'verify'], ['store', 'export', 'v0.3.0', '--output', 'out'], ['retention', 'prune', '--dry-run']]) {
        const r = runCli(args, { cwd: project, env: { CHAINWARDEN_NOW: '2030-01-01T00:00:00Z' } });
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, /^chainwarden: error: data\/artifacts\/supply-chain\/releases\/v0\.3\.0\.json \(at entries\[0\]\.blob\): "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" points outside the store's blobs \(refused\)\n$/, args.join(' '));
      }
      assert.equal(readFileSync(indexFile, 'utf8'), hostile, 'nothing rewrote the index');
      assert.equal(existsSync(join(project, 'out')), false);
    } finally {
      cleanup();
    }
  });

  it('chainwarden.yaml store: path and retention-days apply, --store overrides the path, an unknown key is exit 2', () => {
    const { dir, cleanup } = tempDir();
    try {
      const project = copyExample(dir);
      writeFileSync(join(project, 'chainwarden.yaml'), 'store:\n  path: evidence/store\n  retention-days: 30\n');
      const put = runCli(['store', 'put', 'uv.lock', '--release', 'v1', '--json'], { cwd: project, env: { CHAINWARDEN_NOW: '2026-01-01T00:00:00Z' } });
      assert.equal(put.status, 0, put.stderr);
      const result = JSON.parse(put.stdout) as { index: string; entries: { expires: string }[] };
      assert.equal(result.index, 'evidence/store/releases/v1.json');
      assert.equal(result.entries[0]?.expires, '2026-01-31T00:00:00Z');
      const flag = runCli(['store', 'put', 'uv.lock', '--release', 'v1', '--store', 'other', '--retention-days', '7', '--json'], { cwd: project, env: { CHAINWARDEN_NOW: '2026-01-01T00:00:00Z' } });
      assert.equal((JSON.parse(flag.stdout) as { index: string }).index, 'other/releases/v1.json');
      assert.equal(existsSync(join(project, 'other/releases/v1.json')), true);
      writeFileSync(join(project, 'chainwarden.yaml'), 'store:\n  retention-day: 30\n');
      const bad = runCli(['store', 'list'], { cwd: project });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /chainwarden\.yaml:2: store\.retention-day: unknown key "retention-day" \(known keys: path, retention-days, orphan-grace-minutes\)/);
      writeFileSync(join(project, 'chainwarden.yaml'), 'store:\n  retention-days: 0\n');
      assert.match(runCli(['store', 'list'], { cwd: project }).stderr, /store\.retention-days: must be at least 1/);
    } finally {
      cleanup();
    }
  });

  it('the release id: the tag on HEAD, else the commit, else the time of the run', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const now = new Date('2026-11-25T06:19:03.123Z');
      assert.deepEqual(await releaseIdFor(dir, {}, now), { id: 'run-20261125T061903Z', from: 'time' });
      assert.deepEqual(await releaseIdFor(dir, { GITHUB_REF: 'refs/tags/release/2026.11' }, now), { id: 'release/2026.11', from: 'tag' });
      writeFileSync(join(dir, 'a.txt'), 'a');
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'a');
      const sha = git(dir, 'rev-parse', 'HEAD');
      assert.deepEqual(await releaseIdFor(dir, {}, now), { id: sha, from: 'commit' });
      git(dir, 'tag', 'v1.2.3');
      assert.deepEqual(await releaseIdFor(dir, { GITHUB_REF: 'refs/heads/main' }, now), { id: 'v1.2.3', from: 'tag' });
    } finally {
      cleanup();
    }
  });
});
