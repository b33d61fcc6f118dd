import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

test('cli: --help shows commands, a real example and the exit codes', () => {
  const top = runCli(['--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /sbom \[options\] \[project-dir\]/);
  assert.match(top.stdout, /Exit codes: 0 success, 1 gate closed/);
  const sbom = runCli(['sbom', '--help']);
  assert.equal(sbom.status, 0);
  assert.match(sbom.stdout, /\$ chainwarden sbom examples\/hotpass-like/);
  assert.match(sbom.stdout, /--spec-version <version>/);
});

test('cli: bad usage exits 2', () => {
  assert.equal(runCli(['sbom', '--no-such-flag']).status, 2);
  const bad = runCli(['sbom', '.', '--spec-version', '1.2']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /1\.2/);
  assert.equal(runCli(['no-such-command']).status, 2);
});

test('cli: sbom writes under the project directory, not the working directory, deterministically', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const first = runCli(['sbom', project, '--lockfile', 'uv.lock'], { cwd: elsewhere });
    assert.equal(first.status, 0, first.stderr);
    const out = join(project, 'dist', 'sbom', 'hotpass-like-sbom.json');
    assert.ok(existsSync(out));
    assert.ok(!existsSync(join(elsewhere, 'dist')));
    assert.match(first.stdout, /components\s+33: required 19, optional 8, excluded 6/);
    const bytes1 = readFileSync(out);
    const second = runCli(['sbom', project, '--lockfile', 'uv.lock'], { cwd: elsewhere });
    assert.equal(second.status, 0);
    assert.deepEqual(readFileSync(out), bytes1, 'two runs give the same bytes');
    const text = bytes1.toString('utf8');
    assert.ok(!text.includes(dir), 'no absolute paths in the SBOM');
    const doc = JSON.parse(text) as { metadata: { timestamp?: string }; serialNumber: string };
    assert.equal(doc.metadata.timestamp, undefined, 'no timestamp without SOURCE_DATE_EPOCH');
    const stamped = runCli(['sbom', project, '--lockfile', 'uv.lock', '--output', 'out/stamped.json'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.equal(stamped.status, 0, stamped.stderr);
    const stampedDoc = JSON.parse(readFileSync(join(project, 'out', 'stamped.json'), 'utf8')) as { metadata: { timestamp?: string }; serialNumber: string };
    assert.equal(stampedDoc.metadata.timestamp, '2023-11-14T22:13:20Z');
    assert.notEqual(stampedDoc.serialNumber, doc.serialNumber, 'the serial number is derived from content');
  } finally {
    cleanup();
  }
});

test('cli: sbom --json prints the summary with NTIA coverage', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const run = runCli(['sbom', project, '--lockfile', 'uv.lock', '--json', '--spec-version', '1.7']);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as {
      output: string;
      specVersion: string;
      components: { total: number; byScope: Record<string, number> };
      ntia: { element: string; covered: number; total: number }[];
      licenses: { covered: number; note?: string };
    };
    assert.equal(summary.output, 'dist/sbom/hotpass-like-sbom.json');
    assert.equal(summary.specVersion, '1.7');
    assert.equal(summary.components.total, 33);
    const ntia = new Map(summary.ntia.map((e) => [e.element, e]));
    assert.equal(ntia.get('version')?.covered, 33);
    assert.equal(ntia.get('supplier')?.covered, 0);
    assert.equal(ntia.get('timestamp')?.covered, 0);
    assert.equal(summary.licenses.covered, 0);
    assert.match(summary.licenses.note ?? '', /uv lockfiles carry no licences/);
  } finally {
    cleanup();
  }
});

test('cli: a broken lockfile exits 2 naming file and line, and leaves the previous SBOM untouched', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const ok = runCli(['sbom', project, '--lockfile', 'uv.lock']);
    assert.equal(ok.status, 0, ok.stderr);
    const out = join(project, 'dist', 'sbom', 'hotpass-like-sbom.json');
    const before = readFileSync(out);
    const lock = readFileSync(join(project, 'uv.lock'), 'utf8');
    writeFileSync(join(project, 'uv.lock'), lock.slice(0, Math.floor(lock.length / 2)));
    const broken = runCli(['sbom', project, '--lockfile', 'uv.lock']);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /uv\.lock:\d+:\d+: invalid TOML/);
    assert.deepEqual(readFileSync(out), before, 'nothing already written is lost or half-written');
    writeFileSync(join(project, 'uv.lock'), lock);
    const fresh = runCli(['sbom', project, '--lockfile', 'uv.lock', '--output', 'dist/other.json']);
    assert.equal(fresh.status, 0);
    writeFileSync(join(project, 'uv.lock'), lock.replace('version = 1', 'version = 7'));
    const unsupported = runCli(['sbom', project, '--lockfile', 'uv.lock', '--output', 'dist/never.json']);
    assert.equal(unsupported.status, 2);
    assert.match(unsupported.stderr, /unsupported uv\.lock version 7/);
    assert.ok(!existsSync(join(project, 'dist', 'never.json')), 'no partial output file');
  } finally {
    cleanup();
  }
});

test('cli: no lockfile exits 2 and lists the supported formats', () => {
  const { dir, cleanup } = tempDir();
  try {
    const run = runCli(['sbom', dir]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no supported lockfile found \(supported: uv\.lock, poetry\.lock, pdm\.lock, Pipfile\.lock, requirements.*package-lock\.json.*pnpm-lock\.yaml.*yarn\.lock/);
    assert.equal(runCli(['sbom', join(dir, 'missing')]).status, 2);
  } finally {
    cleanup();
  }
});

test('cli: chainwarden.yaml is validated (unknown key, wrong type → exit 2 naming the key) and flags override it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sbom:\n  lockfiles: [uv.lock]\n  spec-version: "1.5"\n  colour: blue\n');
    const unknown = runCli(['sbom', project]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /chainwarden\.yaml:4: sbom\.colour: unknown key "colour"/);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sbom:\n  lockfiles: [uv.lock]\n  exclude-dev: "yes"\n');
    const wrongType = runCli(['sbom', project]);
    assert.equal(wrongType.status, 2);
    assert.match(wrongType.stderr, /chainwarden\.yaml:3: sbom\.exclude-dev: expected true or false, got string/);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sbom:\n  lockfiles: [uv.lock]\n  spec-version: "1.5"\n  exclude-dev: true\n  output: sboms/app.json\n');
    const fromConfig = runCli(['sbom', project, '--json']);
    assert.equal(fromConfig.status, 0, fromConfig.stderr);
    const s1 = JSON.parse(fromConfig.stdout) as { specVersion: string; output: string; components: { byScope: Record<string, number> } };
    assert.equal(s1.specVersion, '1.5');
    assert.equal(s1.output, 'sboms/app.json');
    assert.equal(s1.components.byScope['excluded'], 0, 'exclude-dev from the config');
    const overridden = runCli(['sbom', project, '--json', '--spec-version', '1.7', '--output', 'x.json']);
    const s2 = JSON.parse(overridden.stdout) as { specVersion: string; output: string };
    assert.equal(s2.specVersion, '1.7');
    assert.equal(s2.output, 'x.json');
  } finally {
    cleanup();
  }
});
