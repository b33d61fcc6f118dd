import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { codeownersRuleFor, parseCodeowners } from '../../src/hygiene/owners/codeowners.js';
import { loadOwners } from '../../src/hygiene/owners.js';
import { tempDir } from '../helpers/shared.js';

// The example file of GitHub's "About code owners" page, in its order (last match wins).
const GITHUB_EXAMPLE = `# This is a comment.
*       @global-owner1 @global-owner2
*.js    @js-owner
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
/apps/ @octocat
/apps/github @doctocat
`;

function ownersOf(text: string, path: string): string | undefined {
  const rule = codeownersRuleFor(parseCodeowners(text, 'CODEOWNERS'), path);
  return rule === undefined ? undefined : rule.owners.join(' ');
}

test('CODEOWNERS: the paths of GitHub\'s documented example get the documented owners', () => {
  const cases: [string, string][] = [
    ['README.md', '@global-owner1 @global-owner2'],
    ['src/index.js', '@js-owner'],
    ['main.go', 'docs@example.com'],
    ['notes/a.txt', '@octo-org/octocats'],
    ['build/logs/out.log', '@octocat'], // **/logs comes later and also matches
    ['docs/getting-started.md', '@doctocat'], // /docs/ comes after docs/*
    ['scripts/release.sh', '@doctocat @octocat'],
    ['deeply/nested/logs/x.txt', '@octocat'],
    ['apps/github/main.py', '@doctocat'],
    ['apps/other/main.py', '@octocat'],
  ];
  for (const [path, owner] of cases) assert.equal(ownersOf(GITHUB_EXAMPLE, path), owner, path);
});

test('CODEOWNERS: docs/* owns the directory\'s own files, not nested ones; a line without owners leaves paths unowned', () => {
  const text = 'docs/* @docs-team\n/apps/ @octocat\n/apps/github\n';
  assert.equal(ownersOf(text, 'docs/a.md'), '@docs-team');
  assert.equal(ownersOf(text, 'docs/build/a.md'), undefined);
  assert.equal(ownersOf(text, 'apps/github/pyproject.toml'), '');
  assert.equal(ownersOf(text, 'apps/web/package.json'), '@octocat');
  // Unanchored names match at any depth; anchored ones only at the root; matching is case-sensitive.
  const names = 'uv.lock @py\n/package-lock.json @js\n';
  assert.equal(ownersOf(names, 'services/api/uv.lock'), '@py');
  assert.equal(ownersOf(names, 'web/package-lock.json'), undefined);
  assert.equal(ownersOf(names, 'package-lock.json'), '@js');
  assert.equal(ownersOf(names, 'UV.LOCK'), undefined);
  // Escaped spaces are part of the path.
  assert.equal(ownersOf('my\\ app/ @spaces\n', 'my app/uv.lock'), '@spaces');
});

test('CODEOWNERS: lines GitHub skips are reported with their line and skipped', () => {
  const text = ['* @org/all', '!vendor/ @nobody', '*.[ch] @c-team', '\\#notes @x', '/web/ @org/web # the web team', 'uv.lock python-team', 'pyproject.toml @org/py'].join('\n');
  const parsed = parseCodeowners(text, '.github/CODEOWNERS');
  assert.deepEqual(
    parsed.issues.map((i) => i.line),
    [2, 3, 4, 5, 6],
  );
  assert.match(parsed.issues[0]?.message ?? '', /negation/);
  assert.match(parsed.issues[1]?.message ?? '', /character ranges/);
  assert.match(parsed.issues[3]?.message ?? '', /inline comments/);
  assert.match(parsed.issues[4]?.message ?? '', /unknown owner "python-team"/);
  assert.equal(ownersOf(text, 'web/package.json'), '@org/all'); // line 5 skipped
  assert.equal(ownersOf(text, 'pyproject.toml'), '@org/py');
});

function project(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const t = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(t.dir, path, '..'), { recursive: true });
    writeFileSync(join(t.dir, path), text);
  }
  return t;
}

test('loadOwners: config rules (last match wins) before CODEOWNERS on the manifest before the default', async () => {
  const t = project({
    '.github/CODEOWNERS': '* @org/platform\n/web/ @org/web\nbad-line no-at-sign\n',
    'CODEOWNERS': '* @ignored-because-.github-wins\n',
    'chainwarden.yaml': [
      'owners:',
      '  default: security@example.com',
      '  rules:',
      '    - match: "Django*"',
      '      owner: "@org/django"',
      '      ecosystem: pypi',
      '    - match: django-environ',
      '      owner: "@alice"',
      '    - match: "@types/*"',
      '      owner: "@org/types"',
      '    - match: "pkg:npm/react"',
      '      owner: "@org/react"',
      '    - match: "*"',
      '      owner: "@org/tools"',
      '      manifest: tools/**',
      '',
    ].join('\n'),
  });
  try {
    const { config } = await loadConfig(t.dir);
    const owners = await loadOwners(t.dir, config);
    assert.equal(owners.codeownersFile, '.github/CODEOWNERS');
    assert.deepEqual(owners.warnings, [{ file: '.github/CODEOWNERS', line: 3, message: 'unknown owner "no-at-sign" (expected @user, @org/team or an e-mail address); GitHub skips this line' }]);

    // PEP 503: Django_Filters matches "Django*", and a later rule wins for django-environ.
    assert.deepEqual(owners.ownerOf({ name: 'Django_Filters', ecosystem: 'pypi', manifest: 'pyproject.toml' }), {
      owner: '@org/django',
      source: 'config',
      rule: 'chainwarden.yaml owners.rules[0] (match "Django*")',
    });
    assert.equal(owners.ownerOf({ name: 'django.environ', ecosystem: 'pypi' })?.owner, '@alice');
    // The ecosystem restriction: an npm package named django-foo is not the Python team's.
    assert.equal(owners.ownerOf({ name: 'djangox', ecosystem: 'npm', manifest: 'web/package.json' })?.owner, '@org/web');
    assert.equal(owners.ownerOf({ name: '@types/node', ecosystem: 'npm' })?.owner, '@org/types');
    assert.equal(owners.ownerOf({ name: 'react', ecosystem: 'npm', purl: 'pkg:npm/react@18.3.1' })?.owner, '@org/react');
    assert.equal(owners.ownerOf({ name: 'ruff', ecosystem: 'pypi', manifest: 'tools/lint/uv.lock' })?.owner, '@org/tools');

    assert.deepEqual(owners.ownerOf({ name: 'express', ecosystem: 'npm', manifest: 'web/package-lock.json' }), {
      owner: '@org/web',
      source: 'codeowners',
      rule: '.github/CODEOWNERS:2 (/web/)',
    });
    assert.equal(owners.ownerOf({ name: 'httpx', ecosystem: 'pypi', manifest: 'uv.lock' })?.owner, '@org/platform');
    // No manifest: CODEOWNERS cannot say, the default does.
    assert.deepEqual(owners.ownerOf({ name: 'httpx', ecosystem: 'pypi' }), { owner: 'security@example.com', source: 'default', rule: 'chainwarden.yaml owners.default' });
  } finally {
    t.cleanup();
  }
});

test('loadOwners: nothing configured and no CODEOWNERS → no owner', async () => {
  const t = project({ 'uv.lock': '' });
  try {
    const owners = await loadOwners(t.dir, {});
    assert.equal(owners.codeownersFile, undefined);
    assert.equal(owners.ownerOf({ name: 'httpx', manifest: 'uv.lock' }), undefined);
  } finally {
    t.cleanup();
  }
});

test('chainwarden.yaml: an unknown owner spelling or a rule without owner is a config error naming file:line', async () => {
  const bad = project({ 'chainwarden.yaml': 'owners:\n  rules:\n    - match: requests\n      owner: python-team\n' });
  const missing = project({ 'chainwarden.yaml': 'owners:\n  rules:\n    - match: requests\n' });
  const path = project({ 'chainwarden.yaml': 'owners:\n  codeowners: .gitlab/CODEOWNERS\n' });
  try {
    await assert.rejects(loadConfig(bad.dir), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.exitCode, 2);
      assert.equal(error.message, 'chainwarden.yaml:4: owners.rules[0].owner: "python-team" is not an owner (@user, @org/team or an e-mail address)');
      return true;
    });
    await assert.rejects(loadConfig(missing.dir), /chainwarden\.yaml:3: owners\.rules\[0\]: missing key "owner"/);
    // Programmatic configs are checked too.
    await assert.rejects(loadOwners(bad.dir, { owners: { default: 'team' } }), /chainwarden\.yaml \(at owners\.default\): "team" is not an owner/);
    const { config } = await loadConfig(path.dir);
    await assert.rejects(loadOwners(path.dir, config), /chainwarden\.yaml \(at owners\.codeowners\): \.gitlab\/CODEOWNERS does not exist/);
  } finally {
    bad.cleanup();
    missing.cleanup();
    path.cleanup();
  }
});
