import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyExample, runCli } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';

const GOLDEN_DIR = join(REPO_ROOT, 'packages/chainwarden/test/golden/techdocs');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function golden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  assert.ok(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 to refresh after review)`);
}

const read = (...p: string[]): string => readFileSync(join(...p), 'utf8');

test('techdocs: the run writes mkdocs.yml + docs/ (docs.techdocs.out); the nav lists exactly the pages; the same bytes from `docs techdocs`', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const run = runCli(['run', project, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const stage = (JSON.parse(run.stdout) as { stages: { stage: string; status: string; detail: string }[] }).stages.find((s) => s.stage === 'techdocs');
    assert.deepEqual([stage?.status, stage?.detail], ['ok', '7 page(s) and mkdocs.yml -> dist/techdocs/']);
    const site = join(project, 'dist/techdocs');
    const mkdocs = parse(read(site, 'mkdocs.yml')) as { site_name: string; docs_dir: string; nav: Record<string, string>[]; plugins: string[] };
    assert.equal(mkdocs.site_name, 'hotpass-like 0.3.0: supply chain');
    assert.deepEqual(mkdocs.plugins, ['techdocs-core']);
    const navFiles = mkdocs.nav.map((entry) => Object.values(entry)[0]);
    assert.deepEqual(navFiles, ['index.md', 'sbom.md', 'provenance.md', 'policy.md', 'vulnerabilities.md', 'risk.md', 'evidence.md']);
    assert.deepEqual(readdirSync(join(site, 'docs')).sort(), [...navFiles].sort(), 'every page in the nav exists, and only those');
    golden('mkdocs.yml', read(site, 'mkdocs.yml'));
    golden('sbom.md', read(site, 'docs/sbom.md'));

    // The evidence index names the real digests.
    const sbomDigest = createHash('sha256').update(readFileSync(join(project, 'dist/sbom/hotpass-like-sbom.json'))).digest('hex');
    const evidence = read(site, 'docs/evidence.md');
    assert.ok(evidence.includes(`| \`dist/sbom/hotpass-like-sbom.json\` | sbom | \`${sbomDigest}\` |`), evidence);
    // The store stage kept the run's evidence (outside git: release id run-<UTC>); the page lists the store's index.
    assert.match(evidence, new RegExp(`\\| run-\\d{8}T\\d{6}Z \\| dist/sbom/hotpass-like-sbom\\.json \\| sbom \\| sha256:${sbomDigest} \\|`));
    assert.match(evidence, /\| 0\.3\.0 \| [^|]+ \| `[0-9a-f]{64}` \| first-party \| \d+ \|/);
    assert.match(read(site, 'docs/risk.md'), /Not generated yet/);
    assert.match(read(site, 'docs/vulnerabilities.md'), /Not scanned in this run/);
    assert.match(read(site, 'docs/policy.md'), /The gate is \*\*open\*\*: \d+ rule\(s\) from `policy`/);
    assert.match(read(site, 'docs/provenance.md'), /\*\*Unsigned\*\* \(interim: digests and checksums only\)/);
    for (const page of readdirSync(join(site, 'docs'))) assert.ok(!read(site, 'docs', page).includes(dir), `${page}: no absolute paths`);

    // Afterwards, from dist/supply-chain-report.json: the same bytes; twice: the same bytes.
    const again = runCli(['docs', 'techdocs', '--out', 'site', '--json'], { cwd: project });
    assert.equal(again.status, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { files: string[] }).files.length, 8);
    for (const page of readdirSync(join(site, 'docs'))) assert.equal(read(project, 'site/docs', page), read(site, 'docs', page), page);
    assert.equal(read(project, 'site/mkdocs.yml'), read(site, 'mkdocs.yml'));
    const before = read(project, 'site/docs/evidence.md');
    runCli(['docs', 'techdocs', '--out', 'site'], { cwd: project });
    assert.equal(read(project, 'site/docs/evidence.md'), before);
  } finally {
    cleanup();
  }
});

test('techdocs: the evidence store index, backlog and risk exports when present; a missing or broken report exits 2', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const none = runCli(['docs', 'techdocs', '--out', 'site'], { cwd: project });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /dist\/supply-chain-report\.json: no run report \(run `chainwarden run` first\)/);
    assert.equal(runCli(['run', project, '--mode', 'pr']).status, 0);
    assert.equal(runCli(['store', 'put', 'dist/sbom/hotpass-like-sbom.json', '--release', 'v0.3.0'], { cwd: project }).status, 0);
    writeFileSync(join(project, 'dist/backlog.md'), '# Backlog\n\n- [ ] upgrade requests to 2.32.5 (CVE-2023-32681)\n');
    writeFileSync(join(project, 'dist/risk-register.json'), JSON.stringify({ risks: [{ id: 'R-1', title: 'requests CVE-2023-32681', owner: 'security' }] }));
    const out = runCli(['docs', 'techdocs', '--out', 'site'], { cwd: project });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /^wrote 8 files to site\/:\n {2}site\/docs\/evidence\.md\n/);
    const evidence = read(project, 'site/docs/evidence.md');
    assert.match(evidence, /From `data\/artifacts\/supply-chain\/releases\/v0\.3\.0\.json`:/);
    assert.match(evidence, /\| release \| name \| kind \| digest \| size \| created \| expires \|\n\| --- \| --- \| --- \| --- \| --- \| --- \| --- \|\n\| v0\.3\.0 \| dist\/sbom\/hotpass-like-sbom\.json \| sbom \| sha256:[0-9a-f]{64} \|/);
    assert.match(evidence, /Not in the registry: no registry yet/);
    assert.match(read(project, 'site/docs/vulnerabilities.md'), /From `dist\/backlog\.md`:\n\n## Backlog\n\n- \[ \] upgrade requests/);
    assert.match(read(project, 'site/docs/risk.md'), /\| id \| title \| owner \|\n\| --- \| --- \| --- \|\n\| R-1 \| requests CVE-2023-32681 \| security \|/);
    assert.match(read(project, 'site/docs/index.md'), /\(a pull-request run\)/);

    writeFileSync(join(project, 'dist/supply-chain-report.json'), '{"project": "x", "stages": [');
    const broken = runCli(['docs', 'techdocs', '--out', 'site'], { cwd: project });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /dist\/supply-chain-report\.json:1:\d+/);
    writeFileSync(join(project, 'dist/supply-chain-report.json'), JSON.stringify({ project: 'x', policy: {}, reports: {}, stages: [{ stage: 'sbom', status: 'ok', detail: '', files: ['../../etc/passwd'] }] }));
    const escape = runCli(['docs', 'techdocs', '--out', 'site'], { cwd: project });
    assert.equal(escape.status, 2);
    assert.match(escape.stderr, /stages\[0\]\.files: expected paths inside the project/);
    assert.equal(runCli(['docs', 'techdocs', '--out', '../outside'], { cwd: project }).status, 2);
    assert.equal(runCli(['docs', 'techdocs'], { cwd: dir }).status, 2);
  } finally {
    cleanup();
  }
});
