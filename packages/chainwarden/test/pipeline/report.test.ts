import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGES } from '../../src/pipeline.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

interface RunJson {
  exitCode: number;
  stages: { stage: string; status: string; detail: string; durationMs: number; files?: string[] }[];
  policy: { gate: string; warnings: { rule: string; count: number }[] };
  reports: { markdown: string; json: string };
}

test('run: the stages in the plan\'s order', () => {
  assert.deepEqual(STAGES.map((s) => s.name), ['sbom', 'provenance', 'checksums', 'sign', 'scan', 'diff', 'matrix', 'semgrep', 'scorecard', 'policy', 'backlog', 'store', 'registry', 'techdocs']);
});

test('run: the summary on stdout (--json), in dist/supply-chain-report.json and as Markdown, with every stage\'s duration', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const run = runCli(['run', project, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as RunJson;
    const file = JSON.parse(readFileSync(join(project, 'dist/supply-chain-report.json'), 'utf8')) as RunJson;
    assert.deepEqual(file, printed, 'the file is what --json printed');
    assert.deepEqual(printed.reports, { markdown: 'dist/supply-chain-report.md', json: 'dist/supply-chain-report.json', jobSummary: false });
    assert.ok(printed.stages.every((s) => Number.isInteger(s.durationMs) && s.durationMs >= 0));
    assert.equal(printed.policy.gate, 'open');
    assert.ok(printed.policy.warnings.some((w) => w.rule === 'warn_unknown_license' && w.count > 0));
    const md = readFileSync(join(project, 'dist/supply-chain-report.md'), 'utf8');
    assert.match(md, /^# Supply-chain report: hotpass-like 0\.3\.0\n/);
    for (const s of printed.stages) assert.ok(md.includes(`| ${s.stage} | `) && md.includes(`| ${s.durationMs} ms |`), `row for ${s.stage}`);
    assert.match(md, /\| policy gate \| gate open: \d+ rule\(s\), 0 failure\(s\), \d+ warning\(s\) \|/);
    assert.match(md, /## Findings\n\nNot scanned: no advisories imported/);
    assert.match(md, /\| dist\/sbom\/hotpass-like-sbom\.json \| sbom \|/);
    assert.match(md, /### Warnings\n\n\| rule \| warnings \|/);
    assert.ok(!md.includes(project), 'no absolute paths in the report');
    const human = runCli(['run', project]);
    assert.match(human.stdout, /\n {0}ok +sbom +156 components .* \d+ ms\n/);
    assert.match(human.stdout, /Policy gate open; findings not scanned; \d+ ms in all\.\nReport: dist\/supply-chain-report\.md, dist\/supply-chain-report\.json\n/);
  } finally {
    cleanup();
  }
});

test('run: a config with an unknown key or a wrong type exits 2 naming the key, and writes nothing', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sbom:\n  output: dist/sbom/x.json\ndocs:\n  techdoc:\n    out: site\n');
    const unknown = runCli(['run', project]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /chainwarden\.yaml:4: docs\.techdoc: unknown key "techdoc" \(known keys: techdocs\)/);
    assert.equal(existsSync(join(project, 'dist')), false);
    writeFileSync(join(project, 'chainwarden.yaml'), 'docs:\n  techdocs:\n    out: [site]\n');
    const wrong = runCli(['run', project, '--json']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /chainwarden\.yaml:3: docs\.techdocs\.out: expected a string, got array/);
    const missing = runCli(['run', join(dir, 'nope')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such project directory/);
  } finally {
    cleanup();
  }
});
