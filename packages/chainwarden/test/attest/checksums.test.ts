import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChecksumLine, parseChecksumLines } from '../../src/attest/checksum-lines.js';
import { digestFile } from '../../src/attest/file-digest.js';
import { InputError } from '../../src/core/errors.js';
import { runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';

/** A small project with awkward names: spaces, a backslash, a nested folder. */
function artefacts(dir: string): void {
  mkdirSync(join(dir, 'dist/nested'), { recursive: true });
  writeFileSync(join(dir, 'dist/hotpass-0.3.0-py3-none-any.whl'), 'wheel bytes\n');
  writeFileSync(join(dir, 'dist/hotpass 0.3.0.tar.gz'), 'sdist with a space in its name');
  writeFileSync(join(dir, 'dist/back\\slash.zip'), 'backslash name');
  writeFileSync(join(dir, 'dist/nested/web-ui.tgz'), Buffer.alloc(3 * 1024 * 1024 + 7, 1));
}

function gnu(tool: string, args: readonly string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('checksums: GNU sha256sum -c accepts ours (spaces and a backslash in names), and the format is byte-identical to sha256sum', () => {
  const { dir, cleanup } = tempDir();
  try {
    artefacts(dir);
    const run = runCli(['checksums', 'dist/**'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const ours = readFileSync(join(dir, 'dist/checksums.txt'), 'utf8');
    const names = ['dist/back\\slash.zip', 'dist/hotpass 0.3.0.tar.gz', 'dist/hotpass-0.3.0-py3-none-any.whl', 'dist/nested/web-ui.tgz'];
    const theirs = gnu('sha256sum', ['--', ...names], dir);
    assert.equal(theirs.status, 0, theirs.stderr);
    assert.equal(ours, theirs.stdout, 'same lines, same escaping, same order');
    const check = gnu('sha256sum', ['-c', 'dist/checksums.txt'], dir);
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stdout.split('\n').filter((l) => l.endsWith(': OK')).length, 4);
  } finally {
    cleanup();
  }
});

test('checksums verify: reads GNU sha256sum and sha512sum output (OK), then reports FAILED and MISSING with exit 1', () => {
  const { dir, cleanup } = tempDir();
  try {
    artefacts(dir);
    const names = ['dist/hotpass 0.3.0.tar.gz', 'dist/back\\slash.zip', 'dist/nested/web-ui.tgz'];
    writeFileSync(join(dir, 'SHA256SUMS'), gnu('sha256sum', ['--', ...names], dir).stdout);
    writeFileSync(join(dir, 'SHA512SUMS'), gnu('sha512sum', ['-b', '--', ...names], dir).stdout);
    writeFileSync(join(dir, 'TAGGED'), gnu('sha256sum', ['--tag', '--', ...names], dir).stdout);
    for (const file of ['SHA256SUMS', 'SHA512SUMS', 'TAGGED']) {
      const ok = runCli(['checksums', 'verify', file], { cwd: dir });
      assert.equal(ok.status, 0, `${file}: ${ok.stderr}`);
      assert.equal(ok.stdout, names.map((n) => `${n}: OK\n`).join(''), file);
    }
    writeFileSync(join(dir, 'dist/hotpass 0.3.0.tar.gz'), 'tampered');
    writeFileSync(join(dir, 'dist/nested/web-ui.tgz'), '');
    readdirSync(join(dir, 'dist')); // still there
    spawnSync('rm', [join(dir, 'dist/back\\slash.zip')]);
    const bad = runCli(['checksums', 'verify', 'SHA256SUMS', '--json'], { cwd: dir });
    assert.equal(bad.status, 1);
    const result = JSON.parse(bad.stdout) as { ok: boolean; checks: { name: string; status: string }[]; counts: Record<string, number> };
    assert.equal(result.ok, false);
    assert.deepEqual(result.checks.map((c) => [c.name, c.status]), [
      ['dist/hotpass 0.3.0.tar.gz', 'FAILED'],
      ['dist/back\\slash.zip', 'MISSING'],
      ['dist/nested/web-ui.tgz', 'FAILED'],
    ]);
    const human = runCli(['checksums', 'verify', 'SHA256SUMS'], { cwd: dir });
    assert.equal(human.status, 1);
    assert.match(human.stdout, /^dist\/hotpass 0\.3\.0\.tar\.gz: FAILED$/m);
    assert.match(human.stdout, /^dist\/back\\slash\.zip: MISSING$/m);
    assert.match(human.stderr, /2 computed checksum\(s\) did NOT match/);
    // GNU agrees on the same file.
    assert.equal(gnu('sha256sum', ['-c', 'SHA256SUMS'], dir).status, 1);
  } finally {
    cleanup();
  }
});

test('checksums: --algorithm sha512 and --output; sha512sum -c accepts it; the output never lists itself', () => {
  const { dir, cleanup } = tempDir();
  try {
    artefacts(dir);
    const run = runCli(['checksums', 'dist/*', '--algorithm', 'sha512', '--output', 'dist/SHA512SUMS', '--json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { output: string; algorithm: string; files: { name: string; digest: string }[] };
    assert.equal(summary.output, 'dist/SHA512SUMS');
    assert.equal(summary.algorithm, 'sha512');
    assert.deepEqual(summary.files.map((f) => f.name), ['dist/back\\slash.zip', 'dist/hotpass 0.3.0.tar.gz', 'dist/hotpass-0.3.0-py3-none-any.whl']);
    assert.equal(summary.files[2]?.digest, createHash('sha512').update('wheel bytes\n').digest('hex'));
    assert.equal(gnu('sha512sum', ['-c', 'dist/SHA512SUMS'], dir).status, 0);
    // Run again: the existing SHA512SUMS matches dist/* but is not listed.
    const again = runCli(['checksums', 'dist/*', '--algorithm', 'sha512', '--output', 'dist/SHA512SUMS'], { cwd: dir });
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(readFileSync(join(dir, 'dist/SHA512SUMS'), 'utf8'), /SHA512SUMS/);
  } finally {
    cleanup();
  }
});

test('checksums: a missing file or a glob matching nothing exits 2 and leaves the previous checksum file intact; --allow-empty tolerates the glob', () => {
  const { dir, cleanup } = tempDir();
  try {
    artefacts(dir);
    assert.equal(runCli(['checksums', 'dist/*.whl'], { cwd: dir }).status, 0);
    const before = readFileSync(join(dir, 'dist/checksums.txt'), 'utf8');
    const missing = runCli(['checksums', 'dist/*.whl', 'dist/nope.whl'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /dist\/nope\.whl: no such file/);
    const nomatch = runCli(['checksums', 'dist/*.whl', 'dist/*.jar'], { cwd: dir });
    assert.equal(nomatch.status, 2);
    assert.match(nomatch.stderr, /dist\/\*\.jar: no file matches/);
    assert.equal(readFileSync(join(dir, 'dist/checksums.txt'), 'utf8'), before);
    assert.deepEqual(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
    const allowed = runCli(['checksums', 'dist/*.whl', 'dist/*.jar', '--allow-empty'], { cwd: dir });
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(readFileSync(join(dir, 'dist/checksums.txt'), 'utf8'), before);
    assert.equal(runCli(['checksums'], { cwd: dir }).status, 2);
  } finally {
    cleanup();
  }
});

test('checksums verify: a malformed checksum file exits 2 naming the file and line', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'sums.txt'), `${'a'.repeat(64)}  ok.txt\nnot a checksum line\n`);
    const run = runCli(['checksums', 'verify', 'sums.txt'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /sums\.txt:2: not a checksum line/);
    writeFileSync(join(dir, 'short.txt'), `${'a'.repeat(63)}  ok.txt\n`);
    assert.match(runCli(['checksums', 'verify', 'short.txt'], { cwd: dir }).stderr, /short\.txt:1: .*63 hex digits/);
    assert.equal(runCli(['checksums', 'verify', 'absent.txt'], { cwd: dir }).status, 2);
  } finally {
    cleanup();
  }
});

test('checksum lines: names with newlines and backslashes round-trip through GNU escaping', () => {
  const entries = [
    { name: 'a\nb.txt', algorithm: 'sha256' as const, digest: 'a'.repeat(64) },
    { name: 'c\\d.txt', algorithm: 'sha256' as const, digest: 'b'.repeat(64) },
    { name: 'plain name.txt', algorithm: 'sha512' as const, digest: 'c'.repeat(128) },
  ];
  const text = entries.map((e) => `${formatChecksumLine(e)}\n`).join('');
  assert.equal(text.split('\n')[0], `\\${'a'.repeat(64)}  a\\nb.txt`);
  assert.deepEqual(parseChecksumLines(text, 'x'), entries);
  assert.throws(() => parseChecksumLines(`\\${'a'.repeat(64)}  bad\\q\n`, 'x'), InputError);
});

test('file digest: streams a file in chunks and agrees with node:crypto and sha256sum on real data', async () => {
  const file = shared('conformance/sigstore/common/a.txt');
  const digest = await digestFile(file, ['sha256', 'sha512']);
  assert.equal(digest.sha256, 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf');
  assert.equal(digest.sha512, createHash('sha512').update(readFileSync(file)).digest('hex'));
  const { dir, cleanup } = tempDir();
  try {
    artefacts(dir);
    const big = join(dir, 'dist/nested/web-ui.tgz');
    assert.equal((await digestFile(big)).sha256, gnu('sha256sum', [big], dir).stdout.slice(0, 64));
  } finally {
    cleanup();
  }
});
