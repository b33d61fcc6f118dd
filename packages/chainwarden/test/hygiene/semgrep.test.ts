import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';
import { SEMGREP_JSON, SEMGREP_SARIF } from './semgrep-fixtures.js';

test('hygiene semgrep: Semgrep JSON → normalized findings with severity and the supply-chain flag', () => {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, 'semgrep.json'), JSON.stringify(SEMGREP_JSON));
    const run = runCli(['hygiene', 'semgrep', 'semgrep.json', '.', '--json'], { cwd: t.dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { output: 'dist/hygiene/semgrep.json', source: 'semgrep.json', format: 'semgrep-json', summary: { total: 3, supplyChain: 2, bySeverity: { error: 2, warning: 1, info: 0 } } });
    const written = JSON.parse(readFileSync(join(t.dir, 'dist/hygiene/semgrep.json'), 'utf8')) as { version: string; findings: Record<string, unknown>[] };
    assert.equal(written.version, '1.142.0');
    assert.deepEqual(
      written.findings.map((f) => [f['file'], f['line'], f['severity'], f['supplyChain']]),
      [
        ['.github/workflows/ci.yml', 24, 'warning', true], // CWE-1357
        ['src/hotpass_like/__init__.py', 3, 'error', false],
        ['uv.lock', 812, 'error', true], // Semgrep Supply Chain (ssc-…, sca_info)
      ],
    );
    assert.deepEqual(written.findings[0]?.['cwe'], ['CWE-1357']);
    const human = runCli(['hygiene', 'semgrep', 'semgrep.json'], { cwd: t.dir });
    assert.match(human.stdout, /findings\s+3: error 2, warning 1, info 0/);
    assert.match(human.stdout, /error uv\.lock:812 ssc-8b7a0d5e/);
  } finally {
    t.cleanup();
  }
});

test('hygiene semgrep: SARIF 2.1.0 → the same model (rule levels, tags, decoded URIs)', () => {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, 'semgrep.sarif'), JSON.stringify(SEMGREP_SARIF));
    const run = runCli(['hygiene', 'semgrep', 'semgrep.sarif', '.', '--output', 'out/semgrep.json'], { cwd: t.dir });
    assert.equal(run.status, 0, run.stderr);
    const written = JSON.parse(readFileSync(join(t.dir, 'out/semgrep.json'), 'utf8')) as { format: string; findings: unknown[] };
    assert.equal(written.format, 'sarif');
    assert.deepEqual(written.findings, [
      { rule: 'dockerfile.security.missing-image-digest', severity: 'error', file: 'Dockerfile', line: 1, message: 'Base image is not pinned by digest', supplyChain: true, cwe: ['CWE-829'] },
      { rule: 'python.lang.best-practice.open-never-closed', severity: 'info', file: 'src/hotpass_like/io utils.py', line: 9, endLine: 10, message: 'file object opened without a context manager', supplyChain: false, cwe: [] },
    ]);
  } finally {
    t.cleanup();
  }
});

test('hygiene semgrep: malformed input exits 2 naming the file and the place; nothing is written', () => {
  const t = tempDir();
  try {
    const cases: [string, string, RegExp][] = [
      ['truncated.json', '{"results": [', /truncated\.json:1:\d+: invalid JSON/],
      ['noline.json', JSON.stringify({ results: [SEMGREP_JSON.results[0], { check_id: 'x', path: 'a.py', start: {} }] }), /noline\.json \(at results\[1\]\.start\.line\): start\.line: expected a line number/],
      ['severity.json', JSON.stringify({ results: [{ check_id: 'x', path: 'a.py', start: { line: 1 }, extra: { severity: 'FATAL' } }] }), /severity\.json \(at results\[0\]\.extra\.severity\): extra\.severity: unknown severity "FATAL"/],
      ['level.sarif', JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Semgrep' } }, results: [{ ruleId: 'r', level: 'fatal', locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 2 } } }] }] }] }), /level\.sarif \(at runs\[0\]\.results\[0\]\.level\): level: unknown level "fatal"/],
      ['old.sarif', JSON.stringify({ version: '2.0.0', runs: [] }), /old\.sarif \(at version\): unsupported SARIF version "2\.0\.0"/],
      ['other.json', JSON.stringify({ bomFormat: 'CycloneDX' }), /other\.json: not Semgrep results/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(t.dir, name), text);
      const run = runCli(['hygiene', 'semgrep', name], { cwd: t.dir });
      assert.equal(run.status, 2, name);
      assert.match(run.stderr, message, name);
    }
    assert.equal(existsSync(join(t.dir, 'dist/hygiene/semgrep.json')), false);
  } finally {
    t.cleanup();
  }
});
