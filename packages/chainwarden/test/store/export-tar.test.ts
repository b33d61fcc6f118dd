import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

const LONG = `evidence/${'deeply-nested-folder-name/'.repeat(5)}a-provenance-file-with-a-rather-long-name.intoto.jsonl`;

describe('store export --output <file>.tar', () => {
  it('writes a deterministic ustar archive that the system tar extracts and sha256sum -c accepts', () => {
    const { dir, cleanup } = tempDir();
    try {
      const example = copyExample(dir);
      mkdirSync(join(example, LONG, '..'), { recursive: true });
      writeFileSync(join(example, LONG), '{"_type":"https://in-toto.io/Statement/v1"}\n');
      assert.ok(Buffer.byteLength(LONG) > 100, 'the long name needs the ustar prefix field');
      const put = runCli(['store', 'put', 'uv.lock', 'apps/web-ui/package-lock.json', LONG, '--release', 'v0.3.0'], { cwd: example, env: { CHAINWARDEN_NOW: '2026-03-04T05:06:07Z' } });
      assert.equal(put.status, 0, put.stderr);
      const first = runCli(['store', 'export', 'v0.3.0', '--output', 'out/evidence.tar'], { cwd: example });
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /3 file\(s\) -> out\/evidence\.tar \(ustar: files\/, index\.json, SHA256SUMS\)/u);
      const again = runCli(['store', 'export', 'v0.3.0', '--output', 'out/again.tar', '--json'], { cwd: example });
      assert.equal(again.status, 0, again.stderr);
      assert.equal((JSON.parse(again.stdout) as { format: string }).format, 'tar');
      const bytes = readFileSync(join(example, 'out/evidence.tar'));
      assert.ok(bytes.equals(readFileSync(join(example, 'out/again.tar'))), 'the same release gives the same bytes');
      assert.equal(bytes.length % 512, 0);

      const listing = spawnSync('tar', ['-tvf', 'out/evidence.tar', '--numeric-owner', '--full-time'], { cwd: example, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      assert.equal(listing.status, 0, listing.stderr);
      const lines = listing.stdout.trim().split('\n');
      assert.deepEqual(lines.map((l) => l.split(/\s+/u).slice(5).join(' ')), ['SHA256SUMS', 'files/apps/web-ui/package-lock.json', `files/${LONG}`, 'files/uv.lock', 'index.json']);
      for (const l of lines) assert.match(l, /^-rw-r--r-- 0\/0 +\d+ 2026-03-04 05:06:07 /u);

      const bundle = join(example, 'bundle');
      mkdirSync(bundle);
      const extract = spawnSync('tar', ['-xf', join(example, 'out/evidence.tar'), '-C', bundle], { encoding: 'utf8' });
      assert.equal(extract.status, 0, extract.stderr);
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.equal(check.stdout.match(/: OK$/gmu)?.length, 4);
      assert.deepEqual(readFileSync(join(bundle, 'files/uv.lock')), readFileSync(join(example, 'uv.lock')));

      // The folder export holds the same files with the same bytes.
      assert.equal(runCli(['store', 'export', 'v0.3.0', '--output', 'folder'], { cwd: example }).status, 0);
      for (const f of ['SHA256SUMS', 'index.json', `files/${LONG}`]) assert.deepEqual(readFileSync(join(example, 'folder', f)), readFileSync(join(bundle, f)), f);

      // An existing archive is never overwritten.
      const refused = runCli(['store', 'export', 'v0.3.0', '--output', 'out/evidence.tar'], { cwd: example });
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /out\/evidence\.tar: exists/u);
      assert.ok(readFileSync(join(example, 'out/evidence.tar')).equals(bytes));
    } finally {
      cleanup();
    }
  });
});
