import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyExample, runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';

interface RunJson {
  stages: { stage: string; status: string; detail: string; summary?: { components: number; advisories: { records: number } } }[];
}

test('chainwarden run: the scan stage is skipped until advisories are imported, then scans the SBOM of the run', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const before = runCli(['run', '.', '--json'], { cwd: project });
    assert.equal(before.status, 0, before.stderr);
    const skipped = (JSON.parse(before.stdout) as RunJson).stages.find((s) => s.stage === 'scan');
    assert.deepEqual([skipped?.status, skipped?.detail], ['skipped', 'no advisories imported (run `chainwarden advisories import`)']);
    const imported = runCli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp'), '--json'], { cwd: project });
    assert.equal(imported.status, 0, imported.stderr);
    const records = (JSON.parse(imported.stdout) as { added: number }).added;
    const after = runCli(['run', '.', '--json'], { cwd: project });
    assert.equal(after.status, 0, after.stderr);
    const scan = (JSON.parse(after.stdout) as RunJson).stages.find((s) => s.stage === 'scan');
    assert.match(scan?.detail ?? '', /^\d+ components: \d+ open vulnerabilit(y|ies) \(/);
    assert.ok((scan?.summary?.components ?? 0) > 100);
    assert.equal(scan?.summary?.advisories.records, records);
  } finally {
    cleanup();
  }
});
