import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

interface RunJson {
  project: string;
  exitCode: number;
  stages: { stage: string; status: string; detail: string; files?: string[]; error?: { code: string; message: string } }[];
}

test('cli run: the main job on the example covers both lockfiles and prints the summary', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const human = runCli(['run', project]);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /^chainwarden run hotpass-like 0\.3\.0/);
    assert.match(human.stdout, /apps\/web-ui\/package-lock\.json \(npm, 123 components\)/);
    assert.match(human.stdout, /ok\s+sbom\s+156 components from 2 lockfile\(s\) -> dist\/sbom\/hotpass-like-sbom\.json/);
    const json = runCli(['run', project, '--json']);
    const result = JSON.parse(json.stdout) as RunJson;
    assert.equal(result.exitCode, 0);
    assert.equal(result.project, 'hotpass-like 0.3.0');
    assert.deepEqual(result.stages.filter((s) => s.stage === 'sbom').map((s) => [s.stage, s.status]), [['sbom', 'ok']]);
    assert.deepEqual(result.stages[0]?.files, ['dist/sbom/hotpass-like-sbom.json']);
    assert.ok(existsSync(join(project, 'dist/sbom/hotpass-like-sbom.json')));
  } finally {
    cleanup();
  }
});

test('cli run: a stage failing on bad input makes the run exit 2 and says why', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFileSync(join(project, 'apps/web-ui/package-lock.json'), '{"lockfileVersion": 3, "packages": [');
    const run = runCli(['run', project, '--json']);
    assert.equal(run.status, 2);
    const result = JSON.parse(run.stdout) as RunJson;
    assert.equal(result.stages[0]?.status, 'failed');
    assert.match(result.stages[0]?.error?.message ?? '', /apps\/web-ui\/package-lock\.json:1:\d+: invalid JSON/);
    const human = runCli(['run', project]);
    assert.equal(human.status, 2);
    assert.match(human.stderr, /chainwarden: sbom: apps\/web-ui\/package-lock\.json:1:\d+/);
  } finally {
    cleanup();
  }
});
