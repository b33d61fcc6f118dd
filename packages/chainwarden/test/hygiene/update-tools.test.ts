import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DirectDependency } from '../../src/hygiene/matrix/inventory.js';
import { depFacts } from '../../src/hygiene/update-tools/dep-facts.js';
import { dependabotTool } from '../../src/hygiene/update-tools/dependabot.js';
import { renovateTool } from '../../src/hygiene/update-tools/renovate.js';
import type { UpdateTool } from '../../src/hygiene/update-tools/update-tool.js';
import { tempDir } from '../helpers/shared.js';

function dep(name: string, extra: Partial<DirectDependency> = {}): DirectDependency {
  return { ecosystem: 'pypi', name, version: '1.0.0', licenses: [], scope: 'required', groups: [], manifest: 'pyproject.toml', lockfile: 'uv.lock', format: 'uv', ...extra };
}

const webDep = (name: string, extra: Partial<DirectDependency> = {}): DirectDependency =>
  dep(name, { ecosystem: 'npm', manifest: 'apps/web-ui/package.json', lockfile: 'apps/web-ui/package-lock.json', format: 'npm', ...extra });

async function withFiles(files: Record<string, string>, tool: UpdateTool, body: (load: Awaited<ReturnType<UpdateTool['load']>>) => void): Promise<void> {
  const t = tempDir();
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(t.dir, path, '..'), { recursive: true });
      writeFileSync(join(t.dir, path), text);
    }
    body(await tool.load(t.dir));
  } finally {
    t.cleanup();
  }
}

function status(load: Awaited<ReturnType<UpdateTool['load']>>, d: DirectDependency, section?: string): string {
  assert.ok(load.config !== undefined, 'config loaded');
  const c = load.config.coverage(d, depFacts(d, section));
  return `${c.status}: ${c.reason}`;
}

test('renovate: packageRules, ignoreDeps, enabledManagers, matchDepTypes and presets decide coverage', async () => {
  const config = {
    extends: ['config:recommended', 'github>acme/renovate-presets'],
    ignoreDeps: ['ruff'],
    packageRules: [
      { matchPackageNames: ['pandas', 'numpy'], enabled: false },
      { matchPackageNames: ['numpy'], enabled: true },
      { matchPackagePatterns: ['^types-'], matchManagers: ['pep621'], enabled: false },
      { matchDepTypes: ['devDependencies'], matchUpdateTypes: ['major'], enabled: false },
      { matchPackageNames: ['@types/**', '!@types/react'], enabled: false },
    ],
  };
  await withFiles({ 'renovate.json': JSON.stringify(config, null, 2) }, renovateTool, (load) => {
    assert.deepEqual(load.findings, []);
    assert.deepEqual(load.notes, ['renovate.json: preset "github>acme/renovate-presets" cannot be resolved offline; its rules are not applied']);
    assert.equal(status(load, dep('requests')), 'covered: pep621 on pyproject.toml');
    assert.equal(status(load, dep('Pandas')), 'ignored: packageRules[0] enabled: false');
    assert.equal(status(load, dep('numpy')), 'covered: pep621 on pyproject.toml'); // a later rule re-enables it
    assert.equal(status(load, dep('types-PyYAML')), 'ignored: packageRules[2] enabled: false');
    assert.equal(status(load, dep('ruff')), 'ignored: ignoreDeps "ruff"');
    assert.equal(status(load, webDep('vite'), 'devDependencies'), 'partial: packageRules[3] enabled: false for some updates (matchUpdateTypes)');
    assert.equal(status(load, webDep('vite'), 'dependencies'), 'covered: npm on apps/web-ui/package.json');
    assert.equal(status(load, webDep('@types/react-dom')), 'ignored: packageRules[4] enabled: false');
    assert.equal(status(load, webDep('@types/react')), 'covered: npm on apps/web-ui/package.json');
    // config:recommended ignores examples/ and tests/ directories.
    assert.equal(status(load, dep('pandas', { manifest: 'examples/demo/pyproject.toml' })), 'ignored: ignorePaths "**/examples/**"');
    // Renovate's default pip_requirements pattern does not read requirements/main.txt.
    assert.match(status(load, dep('flask', { manifest: 'requirements/main.txt', lockfile: 'requirements/main.txt', format: 'requirements' })), /^not-covered: pip_requirements does not read requirements\/main\.txt/);
    assert.equal(status(load, dep('flask', { manifest: 'requirements-dev.txt', lockfile: 'requirements-dev.txt', format: 'requirements' })), 'covered: pip_requirements on requirements-dev.txt');
  });
});

test('renovate: enabledManagers, manager file patterns, JSON5, package.json#renovate and the first config wins', async () => {
  const json5 = `{
  // only the web UI is updated by Renovate
  enabledManagers: ['npm', 'pip_requirements'],
  pip_requirements: { managerFilePatterns: ['requirements/*.txt'] },
}`;
  await withFiles({ '.github/renovate.json5': json5, 'package.json': '{"name": "x", "renovate": {"enabled": false}}' }, renovateTool, (load) => {
    assert.deepEqual(load.findings, []);
    assert.deepEqual(load.notes, ['package.json: Renovate uses .github/renovate.json5 (the first config it finds) and ignores this one']);
    assert.equal(status(load, dep('pandas')), 'not-covered: enabledManagers does not include pep621');
    assert.equal(status(load, webDep('react')), 'covered: npm on apps/web-ui/package.json');
    assert.equal(status(load, dep('flask', { manifest: 'requirements/main.txt', lockfile: 'requirements/main.txt', format: 'requirements' })), 'covered: pip_requirements on requirements/main.txt');
  });
  await withFiles({ 'package.json': '{"name": "x", "renovate": {"extends": [":disableRenovate"]}}' }, renovateTool, (load) => {
    assert.equal(status(load, webDep('react')), 'ignored: Renovate is disabled (extends :disableRenovate)');
  });
});

test('renovate: invalid JSON and wrong shapes are findings with file:line, never a crash', async () => {
  await withFiles({ 'renovate.json': '{\n  "extends": ["config:recommended"],\n  "packageRules": [\n    { "matchPackageNames": ["a"] "enabled": false }\n  ]\n}\n' }, renovateTool, (load) => {
    assert.equal(load.config, undefined);
    assert.equal(load.findings.length, 1);
    assert.equal(load.findings[0]?.file, 'renovate.json');
    assert.equal(load.findings[0]?.line, 4);
    assert.equal(load.findings[0]?.message, "invalid JSON (Expected ',' or '}' after property value)");
  });
  await withFiles({ 'renovate.json': '{\n  "ignoreDeps": "x",\n  "packageRules": {"enabled": false},\n  "enabledManagers": [1]\n}\n' }, renovateTool, (load) => {
    assert.deepEqual(
      load.findings.map((f) => `${f.file}:${f.line ?? '?'}: ${f.message}`),
      ['renovate.json:3: packageRules: expected a list of rules; ignored', 'renovate.json:4: enabledManagers: expected a list of strings; ignored'],
    );
    assert.equal(status(load, dep('x')), 'ignored: ignoreDeps "x"'); // a single string is accepted, as Renovate does
  });
});

test('dependabot: ecosystem and directory, ignore, allow, exclude-paths, security-only', async () => {
  const yml = `version: 2
updates:
  - package-ecosystem: uv
    directory: /
    schedule: { interval: weekly }
    ignore:
      - dependency-name: "types-*"
      - dependency-name: pandas
        update-types: ["version-update:semver-major"]
  - package-ecosystem: npm
    directories: ["/apps/*"]
    schedule: { interval: weekly }
    allow:
      - dependency-type: production
  - package-ecosystem: pip
    directory: /services/api
    schedule: { interval: weekly }
    open-pull-requests-limit: 0
`;
  await withFiles({ '.github/dependabot.yml': yml }, dependabotTool, (load) => {
    assert.deepEqual(load.findings, []);
    assert.equal(status(load, dep('requests')), 'covered: updates[0] (line 3) (uv, /)');
    assert.equal(status(load, dep('types_requests')), 'ignored: updates[0] (line 3) ignore[0] "types-*"');
    assert.equal(status(load, dep('pandas')), 'partial: updates[0] (line 3) ignore[1] "pandas" (some versions or update types)');
    assert.equal(status(load, webDep('react'), 'dependencies'), 'covered: updates[1] (line 10) (npm, /apps/*)');
    assert.equal(status(load, webDep('vite'), 'devDependencies'), 'ignored: updates[1] (line 10) allow does not include it');
    assert.equal(status(load, dep('django', { manifest: 'services/api/requirements/base.txt', lockfile: 'services/api/requirements/base.txt', format: 'requirements' })), 'partial: updates[2] (line 15) open-pull-requests-limit: 0 (security updates only)');
    assert.equal(status(load, dep('flask', { manifest: 'tools/pyproject.toml', lockfile: 'tools/uv.lock' })), 'not-covered: no updates entry for uv in /tools');
  });
  await withFiles({ '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: "/"\n' }, dependabotTool, (load) => {
    assert.equal(status(load, dep('requests')), 'partial: updates[0] (line 3): package-ecosystem pip updates pyproject.toml but not uv.lock; use uv');
  });
});

test('dependabot: invalid YAML and wrong shapes are findings with file:line', async () => {
  await withFiles({ '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/\n' }, dependabotTool, (load) => {
    assert.equal(load.config, undefined);
    assert.equal(load.findings[0]?.file, '.github/dependabot.yml');
    assert.equal(typeof load.findings[0]?.line, 'number');
    assert.match(load.findings[0]?.message ?? '', /^invalid YAML/);
  });
  await withFiles({ '.github/dependabot.yaml': 'version: 1\nupdates:\n  - directory: /\n  - package-ecosystem: npm\n' }, dependabotTool, (load) => {
    assert.deepEqual(
      load.findings.map((f) => `${f.file}:${f.line ?? '?'}: ${f.message}`),
      ['.github/dependabot.yaml:1: version: expected 2, got 1', '.github/dependabot.yaml:3: updates[0]: package-ecosystem is missing', '.github/dependabot.yaml:4: updates[1]: directory or directories is missing'],
    );
  });
});
