import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aggregateScore, runScorecard } from '../../src/hygiene/scorecard/run.js';
import type { CheckResult, ScorecardResult } from '../../src/hygiene/scorecard/types.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/shared.js';

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

async function scorecard(files: Record<string, string | Buffer>): Promise<ScorecardResult> {
  const { dir, cleanup } = tempDir();
  try {
    write(dir, files);
    return await runScorecard({ dir, env: {} });
  } finally {
    cleanup();
  }
}

const check = (r: ScorecardResult, name: string): CheckResult => {
  const c = r.checks.find((x) => x.name === name);
  assert.ok(c !== undefined, name);
  return c;
};

const CI = `name: ci
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: astral-sh/setup-uv@v6
      - run: |
          npm ci
          pip install -r requirements.txt --require-hashes
          npm install left-pad
      - run: semgrep ci --config p/supply-chain
`;

test('scorecard: a workflow that is not valid YAML is reported with file:line by every workflow check; the others still run', async () => {
  const r = await scorecard({ '.github/workflows/broken.yml': 'on: [push\njobs:\n  x: 1\n', '.github/workflows/ci.yml': CI });
  for (const name of ['Pinned-Dependencies', 'Token-Permissions', 'Dangerous-Workflow']) {
    const c = check(r, name);
    const f = c.findings.find((x) => x.file === '.github/workflows/broken.yml');
    assert.ok(f !== undefined && f.level === 'Warn' && f.line !== undefined && f.line >= 1, `${name}: ${JSON.stringify(c.findings)}`);
    assert.match(f.message, /^workflow not analysed: invalid YAML/);
    assert.match(c.reason, /1 workflow\(s\) could not be read/);
    assert.ok(c.details.some((d) => /^Warn: workflow not analysed: invalid YAML.*: \.github\/workflows\/broken\.yml:\d+$/.test(d)), c.details.join('\n'));
  }
  // The valid workflow was analysed: its tag-pinned third-party action and `npm install` are the unpinned ones.
  const pinned = check(r, 'Pinned-Dependencies');
  assert.deepEqual(
    pinned.findings.filter((f) => f.level === 'Warn' && f.file === '.github/workflows/ci.yml').map((f) => [f.line, f.snippet]),
    [
      [10, 'astral-sh/setup-uv@v6'],
      [14, 'npm install left-pad'],
    ],
  );
  assert.deepEqual(pinned.findings.filter((f) => f.level === 'Info').map((f) => f.line), [9, 12, 13]);
  // Actions: GitHub-owned 1/1 pinned (weight 2), third-party 0/1 (weight 8) → 2; npm 1/2 → 5; pip 1/1 → 10: mean 5.67 → 5.
  assert.equal(pinned.score, 5);
  assert.equal(check(r, 'Token-Permissions').score, 10);
  // Hotpass's drift: `semgrep ci` is called but nothing installs semgrep, so it never really runs.
  const sastCheck = check(r, 'SAST');
  assert.equal(sastCheck.score, 3);
  assert.deepEqual(sastCheck.findings.filter((f) => f.level === 'Warn').map((f) => [f.file, f.line, f.message]), [['.github/workflows/ci.yml', 15, 'Semgrep is called but never installed in this job (the step fails, or is skipped when errors are ignored)']]);
});

test('scorecard: SAST counts a command-line Semgrep when the job installs it (pipx, uv tool, a semgrep container)', async () => {
  for (const install of ['      - run: pipx install semgrep==1.95.0\n', '      - run: uv tool install semgrep\n', '    container: semgrep/semgrep:1.95.0\n    steps:\n']) {
    const steps = install.includes('container') ? install : `    steps:\n${install}`;
    const r = await scorecard({ '.github/workflows/sast.yml': `on: [pull_request]\njobs:\n  semgrep:\n    runs-on: ubuntu-latest\n${steps}      - run: semgrep ci\n` });
    assert.equal(check(r, 'SAST').score, 10, install);
    assert.match(check(r, 'SAST').reason, /SAST tool runs on every change: Semgrep/);
  }
});

test('scorecard: Dangerous-Workflow names the expression and line; Token-Permissions and Pinned-Dependencies are inconclusive without workflows', async () => {
  const r = await scorecard({
    '.github/workflows/triage.yml': `on:
  issues:
  pull_request_target:
permissions: {}
jobs:
  triage:
    runs-on: ubuntu-latest
    permissions:
      issues: write
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: |
          echo "title: \${{ github.event.issue.title }}"
          echo "number: \${{ github.event.issue.number }}"
      - uses: actions/github-script@v7
        with:
          script: |
            console.log(\`\${{ toJSON(github.event) }}\`)
`,
  });
  const dw = check(r, 'Dangerous-Workflow');
  assert.equal(dw.score, 0);
  assert.deepEqual(
    dw.findings.filter((f) => f.level === 'Warn').map((f) => [f.line, f.message.replace(/ of job.*/, '')]),
    [
      [13, 'untrusted code checkout: pull_request_target workflow checks out the pull request head (ref: ${{ github.event.pull_request.head.sha }})'],
      [15, 'script injection: untrusted github.event.issue.title expanded into the run: script'],
      [20, 'script injection: untrusted toJSON(github.event) expanded into the github-script'],
    ],
  );
  const empty = await scorecard({ 'README.md': '# x\n' });
  for (const name of ['Token-Permissions', 'Dangerous-Workflow', 'Pinned-Dependencies', 'Signed-Releases']) assert.equal(check(empty, name).score, -1, name);
  assert.equal(check(empty, 'Binary-Artifacts').score, 10);
});

test('scorecard: Dockerfile base images by digest, ARG defaults resolved, stages and scratch skipped, RUN lines read', async () => {
  const r = await scorecard({
    'Dockerfile': `ARG BASE=python:3.12-slim
FROM \${BASE} AS build
RUN pip install --require-hashes -r requirements.txt && \\
    curl -sSL https://example.com/install.sh | sh
FROM build AS test
FROM gcr.io/distroless/python3@sha256:${'a'.repeat(64)}
FROM scratch
`,
  });
  const pinned = check(r, 'Pinned-Dependencies');
  assert.deepEqual(
    pinned.findings.map((f) => [f.level, f.line, f.snippet]),
    [
      ['Warn', 2, 'FROM ${BASE} AS build'],
      ['Info', 3, 'pip install --require-hashes -r requirements.txt'],
      ['Warn', 4, 'curl -sSL https://example.com/install.sh | sh'],
      ['Info', 6, `FROM gcr.io/distroless/python3@sha256:${'a'.repeat(64)}`],
    ],
  );
  assert.match(pinned.findings[0]?.message ?? '', /container image not pinned by digest/);
});

test('scorecard: shell scripts (.sh, or a POSIX-shell shebang) are read for Pinned-Dependencies', async () => {
  const r = await scorecard({
    'scripts/install.sh': 'set -eu\n# fetch the tool\ncurl -sSL https://example.com/get.sh | bash\nnpm ci\n',
    'bin/setup': '#!/usr/bin/env bash\npip install requests\n',
    'bin/tool.py': '#!/usr/bin/env python3\nprint("pip install x")\n',
  });
  assert.deepEqual(
    check(r, 'Pinned-Dependencies').findings.map((f) => [f.level, `${f.file ?? ''}:${f.line ?? 0}`, f.snippet]),
    [
      ['Warn', 'bin/setup:2', 'pip install requests'],
      ['Warn', 'scripts/install.sh:3', 'curl -sSL https://example.com/get.sh | bash'],
      ['Info', 'scripts/install.sh:4', 'npm ci'],
    ],
  );
});

test('scorecard: Security-Policy, License and Dependency-Update-Tool read and score the files', async () => {
  const full = await scorecard({
    'SECURITY.md': '# Security policy\n\nPlease report vulnerabilities privately to security@example.org; we coordinate disclosure within 90 days.\n',
    'LICENSE': '                                 Apache License\n                           Version 2.0, January 2004\n',
    '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: {interval: weekly}\n  - package-ecosystem: npm\n    directory: /apps/web-ui\n    schedule: {interval: weekly}\n',
  });
  assert.equal(check(full, 'Security-Policy').score, 10);
  assert.equal(check(full, 'License').score, 10);
  assert.match(check(full, 'License').reason, /Apache-2\.0/);
  assert.equal(check(full, 'Dependency-Update-Tool').score, 10);
  assert.ok(check(full, 'Dependency-Update-Tool').findings.some((f) => f.message === 'Dependabot configured for npm, pip'));

  const weak = await scorecard({
    'SECURITY.md': '# Security\n',
    'COPYING': 'All rights reserved by somebody.\n',
    '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: pip\n   directory: /\n',
    'renovate.json': '{ "extends": ["config:recommended"], // comment\n }',
  });
  assert.equal(check(weak, 'Security-Policy').score, 0);
  assert.equal(check(weak, 'License').score, 7);
  const dut = check(weak, 'Dependency-Update-Tool');
  assert.equal(dut.score, 10, 'Renovate counts even though the Dependabot file is broken');
  const broken = dut.findings.find((f) => f.file === '.github/dependabot.yml');
  assert.equal(broken?.level, 'Warn');
  assert.equal(broken?.line, 4);
  assert.match(broken?.message ?? '', /^Dependabot config is not valid YAML/);
});

test('scorecard: SAST configured but never run is a finding (3), run only on a schedule 7', async () => {
  const idle = await scorecard({ '.semgrep.yml': 'rules: []\n', '.github/workflows/ci.yml': 'on: push\npermissions: read-all\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n' });
  assert.equal(check(idle, 'SAST').score, 3);
  assert.deepEqual(check(idle, 'SAST').findings.filter((f) => f.level === 'Warn').map((f) => [f.file, f.message]), [['.semgrep.yml', 'Semgrep is configured but no workflow runs it']]);
  const nightly = await scorecard({ '.github/workflows/codeql.yml': 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n' });
  assert.equal(check(nightly, 'SAST').score, 7);
});

test('scorecard: Signed-Releases looks in dist/ and the evidence store; provenance 10, signatures 8, checksums alone 0', async () => {
  const bare = await scorecard({ 'dist/hotpass-0.3.0-py3-none-any.whl': 'x', 'dist/checksums.txt': 'abc  hotpass-0.3.0-py3-none-any.whl\n' });
  assert.equal(check(bare, 'Signed-Releases').score, 0);
  assert.ok(check(bare, 'Signed-Releases').findings.some((f) => f.message.includes('checksum file found')));
  const signed = await scorecard({ 'dist/hotpass-0.3.0-py3-none-any.whl': 'x', 'dist/hotpass-0.3.0-py3-none-any.whl.sigstore.json': '{}' });
  assert.equal(check(signed, 'Signed-Releases').score, 8);
  // The evidence store, written by the store itself: release 0.2.0 holds a bare sdist, 0.3.0 an sdist with its bundle.
  const { dir, cleanup } = tempDir();
  try {
    write(dir, { 'dist/hotpass-0.3.0-py3-none-any.whl': 'x', 'dist/provenance/provenance.json': '{}' });
    const store = openStore({ projectDir: dir });
    await store.put('0.2.0', [{ name: 'dist/hotpass-0.2.0.tar.gz', content: Buffer.from('sdist 0.2.0') }]);
    await store.put('0.3.0', [
      { name: 'dist/hotpass-0.3.0.tar.gz', content: Buffer.from('sdist 0.3.0') },
      { name: 'dist/hotpass-0.3.0.tar.gz.sigstore.json', content: Buffer.from('{}'), kind: 'bundle' },
    ]);
    const sr = check(await runScorecard({ dir, env: { SOURCE_DATE_EPOCH: '1700000000' } }), 'Signed-Releases');
    assert.equal(sr.score, 6, 'dist/ has provenance (10), stored 0.3.0 a signature (8), stored 0.2.0 nothing (0): mean 6');
    assert.match(sr.reason, /2 of 3 release\(s\)/);
    assert.ok(sr.findings.some((f) => f.message.includes('release data/artifacts/supply-chain/0.2.0: 1 artefact(s) with neither signatures nor provenance')), JSON.stringify(sr.findings));
  } finally {
    cleanup();
  }
});

test('scorecard: Binary-Artifacts by extension and magic bytes, build output excluded; aggregate is the risk-weighted mean', async () => {
  const r = await scorecard({ 'tools/helper': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), 'lib/x.pyc': 'x', 'dist/app.whl': 'x', 'src/a.py': 'print(1)\n' });
  const ba = check(r, 'Binary-Artifacts');
  assert.equal(ba.score, 8);
  assert.deepEqual(ba.findings.map((f) => f.file), ['lib/x.pyc', 'tools/helper']);
  assert.equal(aggregateScore([{ score: 10, risk: 'Critical' }, { score: 0, risk: 'Low' }, { score: -1, risk: 'High' }]), 8);
  assert.equal(aggregateScore([{ score: -1, risk: 'High' }]), -1);
});

test('scorecard: skip leaves checks out; unknown names are a usage error naming the checks', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = await runScorecard({ dir, skip: ['signed-releases', 'Packaging'], env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.deepEqual(r.skipped, ['Packaging', 'Signed-Releases']);
    assert.equal(r.checks.length, 8);
    assert.equal(r.date, '2023-11-14T22:13:20Z');
    await assert.rejects(runScorecard({ dir, skip: ['Fuzzing'] }), /--skip: unknown check "Fuzzing" \(checks: Binary-Artifacts, /);
  } finally {
    cleanup();
  }
});
