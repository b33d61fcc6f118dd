import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_SCHEMA } from '../../src/config-schema.js';
import { loadConfig } from '../../src/core/config.js';
import { STARTER_POLICY } from '../../src/policy/starter/index.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { if: string; permissions: Record<string, string>; steps: { uses?: string; run?: string }[] }>;
}

test('cli init: chainwarden.yaml that loads, a starter policy, a least-privilege workflow pinned by SHA; existing files kept', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'pyproject.toml'), '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "acme-billing"\nversion = "1.4.0"\n');
    const init = runCli(['init', dir, '--json']);
    assert.equal(init.status, 0, init.stderr);
    const result = JSON.parse(init.stdout) as { project: string; nameFrom: string; written: string[]; kept: string[] };
    assert.deepEqual([result.project, result.nameFrom], ['acme-billing', 'pyproject.toml']);
    const policyFiles = Object.keys(STARTER_POLICY).map((f) => `policy/${f}`);
    assert.deepEqual(result.written, ['.github/workflows/supply-chain.yml', 'chainwarden.yaml', ...policyFiles].sort());
    assert.deepEqual(result.kept, []);

    // The config loads against the strict schema, names the project, and documents every section.
    const { config } = await loadConfig(dir);
    assert.equal(config.sbom?.output, 'dist/sbom/acme-billing-sbom.json');
    assert.equal(config.registry?.product, 'acme-billing');
    const text = readFileSync(join(dir, 'chainwarden.yaml'), 'utf8');
    for (const section of Object.keys(CONFIG_SCHEMA.properties)) assert.match(text, new RegExp(`\\n# [^\\n]+\\n(# )?${section}:\\n`), `section ${section} is there with a comment`);

    // The workflow.
    const raw = readFileSync(join(dir, '.github/workflows/supply-chain.yml'), 'utf8');
    const wf = parse(raw) as Workflow;
    assert.deepEqual(wf.permissions, { contents: 'read' });
    assert.deepEqual(Object.keys(wf.on).sort(), ['pull_request', 'release']);
    assert.deepEqual(wf.on['release'], { types: ['published'] });
    assert.deepEqual(wf.jobs['pull-request']?.permissions, { contents: 'read' });
    assert.deepEqual(wf.jobs['release']?.permissions, { contents: 'write', 'id-token': 'write' });
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses !== undefined ? [s.uses] : [])));
    assert.ok(uses.length >= 4);
    for (const u of uses) assert.match(u, /^actions\/(checkout|setup-node)@[0-9a-f]{40}$/, u);
    for (const u of new Set(uses)) assert.match(raw, new RegExp(`${u.replace('/', '\\/')} # v\\d+\\.\\d+\\.\\d+\\n`), `${u} says its version`);
    const runs = (job: string): string => (wf.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');
    assert.match(runs('pull-request'), /npx --yes chainwarden@\d+\.\d+\.\d+ run --mode pr/);
    assert.match(runs('release'), /npx --yes chainwarden@\d+\.\d+\.\d+ run --mode release/);
    for (const asset of ['dist/checksums.txt', 'dist/sbom/acme-billing-sbom.json', 'dist/provenance/provenance.json', 'dist/sbom/acme-billing-sbom.json.sigstore.json', 'dist/provenance/provenance.json.sigstore.json', 'dist/checksums.txt.sigstore.json']) {
      assert.ok(runs('release').includes(asset), asset);
    }
    assert.match(runs('release'), /gh release upload "\$TAG"/);
    assert.match(raw, /CHAINWARDEN_DATABASE_URL: \$\{\{ secrets\.CHAINWARDEN_DATABASE_URL \}\}/);

    // Again: everything kept, the user's edit survives; --force overwrites.
    writeFileSync(join(dir, 'chainwarden.yaml'), 'sbom:\n  exclude-dev: true\n');
    rmSync(join(dir, '.github'), { recursive: true });
    const again = runCli(['init', dir]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /wrote +\.github\/workflows\/supply-chain\.yml\n/);
    assert.match(again.stdout, /kept +chainwarden\.yaml \(exists; --force overwrites\)/);
    assert.equal(readFileSync(join(dir, 'chainwarden.yaml'), 'utf8'), 'sbom:\n  exclude-dev: true\n');
    const forced = JSON.parse(runCli(['init', dir, '--force', '--json']).stdout) as { overwritten: string[] };
    assert.ok(forced.overwritten.includes('chainwarden.yaml'));
    assert.equal(readFileSync(join(dir, 'chainwarden.yaml'), 'utf8'), text);
    assert.equal(runCli(['init', join(dir, 'missing')]).status, 2);
  } finally {
    cleanup();
  }
});

test('cli init: the name from package.json or the folder; the initialised project runs', () => {
  const { dir, cleanup } = tempDir();
  try {
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'package.json'), JSON.stringify({ name: '@acme/web-ui', version: '1.0.0' }));
    assert.equal((JSON.parse(runCli(['init', web, '--json']).stdout) as { project: string }).project, '@acme/web-ui');
    assert.equal((parse(readFileSync(join(web, 'chainwarden.yaml'), 'utf8')) as { sbom: { output: string } }).sbom.output, 'dist/sbom/acme-web-ui-sbom.json');
    const bare = join(dir, 'bare-service');
    mkdirSync(bare);
    assert.equal((JSON.parse(runCli(['init', bare, '--json']).stdout) as { nameFrom: string }).nameFrom, 'directory');

    const project = copyExample(dir);
    rmSync(join(project, 'chainwarden.yaml'));
    rmSync(join(project, 'policy'), { recursive: true });
    assert.equal(runCli(['init', '.'], { cwd: project }).status, 0);
    assert.equal(runCli(['policy', 'test'], { cwd: project }).status, 0);
    assert.match(readFileSync(join(project, 'policy/data.yaml'), 'utf8'), /\n {2}project: "hotpass-like"\n/);
    // The starter policy trusts CI builders only: on a laptop the one failure is the untrusted local builder.
    const run = runCli(['run', '.', '--json'], { cwd: project });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { policy: { gate: string; failures: { rule: string }[] } };
    assert.deepEqual(report.policy.failures.map((f) => f.rule), ['deny_untrusted_builder']);
    assert.ok(existsSync(join(project, 'dist/sbom/hotpass-like-sbom.json')));
    assert.ok(existsSync(join(project, 'dist/supply-chain-report.md')));
  } finally {
    cleanup();
  }
});
