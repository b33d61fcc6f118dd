import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyExample, runCli } from '../helpers/cli.js';
import { corpus, tempDir } from '../helpers/shared.js';

const HOTPASS = corpus('python-uv', 'hotpass');

// A hand-written matrix shaped like Hotpass's supply-chain docs: it still says uv 0.9.5 (the lock pins 0.9.7),
// lists a package no lockfile pins any more, and leaves out most direct dependencies.
const HAND_WRITTEN = `# Supply-chain plan: dependency matrix

Owners review this table monthly.

| Dependency | Pinned | Owner | Lifecycle |
| --- | --- | --- | --- |
| pandas | 2.3.3 | @data-platform | core |
| polars | \`1.35.1\` | @data-platform | core |
| [prefect](https://www.prefect.io) | ==3.5.0 | @platform | orchestration |
| uv | 0.9.5 | @platform | build tool |
| requests | >=2.32 | @platform | range: compared by name only |
| pyarrow-stubs | 20.0.0 | @data-platform | removed in 2025 |

\`\`\`
| Package | Version |
| --- | --- |
| ignored-inside-a-code-fence | 1.0 |
\`\`\`
`;

test('matrix check on Hotpass\'s real uv.lock: the uv drift, a row no longer locked and missing rows, each at file:line (exit 1)', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'dependency-matrix.md');
    writeFileSync(file, HAND_WRITTEN);
    const run = runCli(['matrix', 'check', file, HOTPASS, '--json']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { file: string; tables: { line: number; packageColumn: string; versionColumn: string; rows: number }[]; unpinnedRows: number; drift: { kind: string; package: string; line?: number; documented?: string; locked?: string[] }[] };
    assert.deepEqual(report.tables, [{ line: 5, packageColumn: 'Dependency', versionColumn: 'Pinned', rows: 6 }]);
    assert.equal(report.unpinnedRows, 1);
    const uv = report.drift.find((d) => d.package === 'uv');
    assert.deepEqual(uv, { kind: 'version-mismatch', package: 'uv', file, line: 10, documented: '0.9.5', locked: ['0.9.7'], message: 'uv: the matrix says 0.9.5, the lockfiles pin 0.9.7' });
    assert.deepEqual(report.drift.find((d) => d.kind === 'not-locked'), { kind: 'not-locked', package: 'pyarrow-stubs', file, line: 12, documented: '20.0.0', message: 'pyarrow-stubs is in the matrix but no lockfile pins it' });
    const missing = report.drift.filter((d) => d.kind === 'missing-from-matrix').map((d) => d.package);
    // 56 direct dependencies in Hotpass's pyproject.toml; pandas, polars, prefect and requests are listed.
    assert.equal(missing.length, 52);
    assert.ok(missing.includes('great-expectations') && !missing.includes('pandas') && !missing.includes('ignored-inside-a-code-fence'));

    const human = runCli(['matrix', 'check', file, HOTPASS]);
    assert.equal(human.status, 1);
    assert.match(human.stdout, new RegExp(`drift ${file.replace(/[/.]/g, '\\$&')}:10: version-mismatch: uv: the matrix says 0\\.9\\.5, the lockfiles pin 0\\.9\\.7`));
    assert.match(human.stdout, /:12: not-locked: pyarrow-stubs/);
    assert.match(human.stdout, /54 drifts$/m);
  } finally {
    t.cleanup();
  }
});

test('matrix check: no drift exits 0; a file without a dependency table exits 2 naming the file', () => {
  const t = tempDir();
  try {
    const project = copyExample(t.dir);
    const built = runCli(['matrix', project, '--output', 'docs/dependency-matrix.md']);
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.stdout, /written docs\/dependency-matrix\.md/);
    // The generated matrix is itself a valid hand-written matrix: no drift.
    const clean = runCli(['matrix', 'check', join(project, 'docs/dependency-matrix.md'), project]);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /no drift/);

    writeFileSync(join(t.dir, 'notes.md'), '# Notes\n\n| Owner | Team |\n| --- | --- |\n| a | b |\n');
    const none = runCli(['matrix', 'check', join(t.dir, 'notes.md'), project]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /notes\.md: no dependency table found/);
    const absent = runCli(['matrix', 'check', join(t.dir, 'absent.md'), project]);
    assert.equal(absent.status, 2);
    assert.match(absent.stderr, /absent\.md: cannot read \(ENOENT\)/);
  } finally {
    t.cleanup();
  }
});

test('matrix on the example: owners, notes and Renovate/Dependabot coverage; deterministic; --sbom gives the same rows', () => {
  const t = tempDir();
  try {
    const project = copyExample(t.dir);
    mkdirSync(join(project, '.github'), { recursive: true });
    writeFileSync(join(project, '.github/CODEOWNERS'), '* @acme/platform\n/apps/web-ui/ @acme/web\n');
    writeFileSync(join(project, 'chainwarden.yaml'), ['owners:', '  rules:', '    - match: "numpy"', '      owner: "@acme/data"', '      ecosystem: pypi', 'matrix:', '  notes:', '    NumPy: "2.2 line until the compiled helpers move to 2.3"', ''].join('\n'));
    writeFileSync(join(project, 'renovate.json'), JSON.stringify({ extends: ['config:recommended'], packageRules: [{ matchManagers: ['npm'], matchDepTypes: ['devDependencies'], enabled: false }] }));
    writeFileSync(join(project, '.github/dependabot.yml'), 'version: 2\nupdates:\n  - package-ecosystem: uv\n    directory: /\n    schedule:\n      interval: weekly\n');
    const run = runCli(['matrix', project, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const m = JSON.parse(run.stdout) as { project: string; summary: { dependencies: number; owned: number }; codeownersFile: string; rows: { name: string; version?: string; manifest: string; owner?: { owner: string; source: string; rule: string }; note?: string; updateStatus: string; depType?: string; updates: { tool: string; status: string; reason: string }[] }[] };
    assert.equal(m.project, 'hotpass-like');
    assert.equal(m.summary.dependencies, 22);
    assert.equal(m.summary.owned, 22);
    const row = (name: string) => m.rows.find((r) => r.name === name);
    assert.deepEqual(row('numpy')?.owner, { owner: '@acme/data', source: 'config', rule: 'chainwarden.yaml owners.rules[0] (match "numpy")' });
    assert.equal(row('numpy')?.note, '2.2 line until the compiled helpers move to 2.3');
    assert.deepEqual(row('pandas')?.owner, { owner: '@acme/platform', source: 'codeowners', rule: '.github/CODEOWNERS:1 (*)' });
    assert.equal(row('react')?.owner?.owner, '@acme/web');
    assert.deepEqual(row('pandas')?.updates, [
      { tool: 'renovate', status: 'covered', reason: 'pep621 on pyproject.toml', file: 'renovate.json' },
      { tool: 'dependabot', status: 'covered', reason: 'updates[0] (line 3) (uv, /)', file: '.github/dependabot.yml' },
    ]);
    assert.equal(row('vite')?.depType, 'devDependencies');
    assert.equal(row('vite')?.updateStatus, 'ignored');
    assert.equal(row('react')?.updateStatus, 'covered');

    const md1 = runCli(['matrix', project]).stdout;
    const md2 = runCli(['matrix', project]).stdout;
    assert.equal(md1, md2);
    assert.match(md1, /^\| pypi \| pyproject\.toml \| numpy \| 2\.2\.6 \| {2}\| required \| @acme\/data \| renovate: covered; dependabot: covered \| 2\.2 line until the compiled helpers move to 2\.3 \|$/m);
    assert.match(md1, /- vite 7\.3\.8 \(apps\/web-ui\/package\.json\): renovate ignored \(packageRules\[0\] enabled: false\); dependabot not-covered \(no updates entry for npm in \/apps\/web-ui\)/);
    const csv = runCli(['matrix', project, '--format', 'csv']).stdout;
    assert.equal(csv.split('\r\n')[0], 'Ecosystem,Manifest,Package,Version,Licence,Scope,Owner,Updates,Notes');

    // The same rows from chainwarden's own SBOM.
    assert.equal(runCli(['sbom', project]).status, 0);
    const fromSbom = JSON.parse(runCli(['matrix', project, '--sbom', 'dist/sbom/hotpass-like-sbom.json', '--json']).stdout) as typeof m;
    const key = (r: (typeof m.rows)[number]) => `${r.manifest} ${r.name} ${r.version ?? ''} ${r.owner?.owner ?? ''} ${r.updateStatus}`;
    assert.deepEqual(fromSbom.rows.map(key), m.rows.map(key));
  } finally {
    t.cleanup();
  }
});

test('matrix: broken update-tool configs are findings in the output, not crashes', () => {
  const t = tempDir();
  try {
    const project = copyExample(t.dir);
    mkdirSync(join(project, '.github'), { recursive: true });
    writeFileSync(join(project, '.github/dependabot.yml'), 'version: 2\nupdates:\n  - package-ecosystem: npm\n   directory: /\n');
    writeFileSync(join(project, 'renovate.json'), '{ "extends": [ }');
    const run = runCli(['matrix', project, '--output', 'dist/hygiene/matrix.md']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^finding: renovate\.json:1: invalid JSON/m);
    assert.match(run.stdout, /^finding: \.github\/dependabot\.yml:4: invalid YAML/m);
    const md = readFileSync(join(project, 'dist/hygiene/matrix.md'), 'utf8');
    assert.match(md, /## Configuration findings\n\n- renovate\.json:1:\d+: invalid JSON/);
  } finally {
    t.cleanup();
  }
});
