import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { corpus, tempDir } from '../../helpers/shared.js';

// ---- helpers -------------------------------------------------------------------------------------------------

function find(result: LockfileResult, name: string, version?: string): Component {
  const hits = [...result.components.values()].filter((c) => c.name === name && (version === undefined || c.version === version));
  assert.equal(hits.length, 1, `expected exactly one ${name}@${version ?? '*'}, found ${hits.length}`);
  return hits[0] as Component;
}

function depNames(result: LockfileResult, component: Component): string[] {
  return [...component.dependsOn].map((key) => {
    const dep = result.components.get(key);
    assert.ok(dep !== undefined, `dangling edge ${key}`);
    return `${dep.name}@${dep.version ?? ''}`;
  }).sort();
}

function props(component: Component, name: string): string[] {
  return component.properties.filter(([n]) => n === name).map(([, v]) => v);
}

/** Every edge and root dependency must point at a component. */
function assertClosed(result: LockfileResult): void {
  for (const c of result.components.values()) for (const dep of c.dependsOn) assert.ok(result.components.has(dep), `${c.name} -> ${dep}`);
  for (const dep of result.rootDependsOn) assert.ok(result.components.has(dep), `root -> ${dep}`);
  for (const m of result.workspaceMembers) assert.ok(result.components.has(m), `member ${m}`);
}

/** Independent count for v1: unique name@version from each top-level key line and the `version` line under it. */
function classicNameVersions(text: string): Set<string> {
  const out = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || line.startsWith(' ') || line.startsWith('#') || !line.endsWith(':')) continue;
    const first = (line.slice(0, -1).split(', ')[0] as string).replace(/^"|"$/g, '');
    const at = first.indexOf('@', 1);
    let name = first.slice(0, at);
    const range = first.slice(at + 1);
    if (range.startsWith('npm:')) name = range.slice(4, range.indexOf('@', 5));
    const version = /^ {2}version "(.+)"$/.exec(lines[i + 1] as string)?.[1];
    assert.ok(version !== undefined, `no version after line ${i + 1}`);
    out.add(`${name}@${version}`);
  }
  return out;
}

/** Independent count for berry: unique `resolution:` values, patches counted as their base locator, workspaces skipped. */
function berryResolutions(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^ {2}resolution: "(.+)"$/gm)) {
    let locator = m[1] as string;
    if (locator.includes('@workspace:')) continue;
    const patch = locator.indexOf('@patch:');
    if (patch > 0) locator = decodeURIComponent(locator.slice(patch + '@patch:'.length, locator.indexOf('#')));
    out.add(locator);
  }
  return out;
}

function sriHex(integrity: string): string {
  return Buffer.from(integrity.replace(/^sha512-/, ''), 'base64').toString('hex');
}

function writeProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const tmp = tempDir('chainwarden-yarn-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), content);
  }
  return tmp;
}

async function expectLockfileError(files: Record<string, string>, code: LockfileError['code'], pattern: RegExp): Promise<void> {
  const tmp = writeProject(files);
  try {
    await assert.rejects(readLockfile(tmp.dir, 'yarn.lock'), (error: unknown) => {
      assert.ok(error instanceof LockfileError, `expected LockfileError, got ${String(error)}`);
      assert.equal(error.code, code);
      assert.match(error.message, pattern);
      return true;
    });
  } finally {
    tmp.cleanup();
  }
}

// ---- corpus: excalidraw (classic v1, workspaces without member manifests) -----------------------------------

test('yarn classic v1 (excalidraw): one component per name@version, plus the unreadable workspace folder', async () => {
  const dir = corpus('yarn', 'excalidraw-classic-v1');
  const text = readFileSync(join(dir, 'yarn.lock'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { workspaces: string[]; devDependencies: Record<string, string> };
  const result = await readLockfile(dir, 'yarn.lock');
  assertClosed(result);

  const locked = classicNameVersions(text);
  const literalWorkspaces = manifest.workspaces.filter((w) => !w.includes('*'));
  assert.deepEqual(literalWorkspaces, ['excalidraw-app']);
  assert.equal(result.components.size, locked.size + literalWorkspaces.length);
  const libraries = [...result.components.values()].filter((c) => c.type === 'library').map((c) => `${c.name}@${c.version ?? ''}`);
  assert.deepEqual(new Set(libraries), locked);

  assert.equal(result.format, 'yarn');
  assert.equal(result.root.name, 'excalidraw-monorepo');
  assert.equal(result.root.manifest, 'package.json');
  assert.equal(result.carriesLicenses, false);
  assert.equal(result.rootDependsOn.size, Object.keys(manifest.devDependencies).length);
  assert.ok(result.rootDependsOn.has(find(result, '@babel/preset-env', '7.26.9').key));

  // The workspace folder without a manifest: an application component with a workspace source and no purl.
  const app = find(result, 'excalidraw-app');
  assert.equal(app.type, 'application');
  assert.deepEqual(app.source, { kind: 'workspace', path: 'excalidraw-app' });
  assert.equal(app.purl, undefined);
  assert.deepEqual([...result.workspaceMembers], [app.key]);
  assert.ok(result.warnings.some((w) => w.includes('packages/*') && w.includes('excalidraw-app')), result.warnings.join('\n'));
});

test('yarn classic v1 (excalidraw): scopes, hashes, purls, aliases and edges', async () => {
  const dir = corpus('yarn', 'excalidraw-classic-v1');
  const text = readFileSync(join(dir, 'yarn.lock'), 'utf8');
  const result = await readLockfile(dir, 'yarn.lock');

  // Root devDependencies and what only they reach are excluded.
  assert.equal(find(result, 'vitest', '3.0.6').scope, 'excluded');
  assert.equal(find(result, '@babel/preset-env', '7.26.9').scope, 'excluded');
  // react is reached by no root dependency: it belongs to the unreadable workspaces and is reported as required.
  assert.equal(find(result, 'react', '19.0.0').scope, 'required');
  // Only through `optionalDependencies` of @parcel/watcher.
  assert.equal(find(result, '@parcel/watcher-linux-x64-glibc', '2.5.1').scope, 'optional');

  const integrity = /^"@adobe\/css-tools@\^4\.4\.0":\n(?: {2}.*\n)*? {2}integrity (sha512-\S+)$/m.exec(text)?.[1];
  assert.ok(integrity !== undefined);
  assert.deepEqual(find(result, '@adobe/css-tools', '4.4.2').hashes, [{ alg: 'SHA-512', content: sriHex(integrity) }]);

  const core = find(result, '@babel/core', '7.26.9');
  assert.equal(core.purl, 'pkg:npm/%40babel/core@7.26.9');
  assert.deepEqual(core.source, { kind: 'registry' });

  assert.deepEqual(depNames(result, find(result, '@ampproject/remapping', '2.3.0')), ['@jridgewell/gen-mapping@0.3.8', '@jridgewell/trace-mapping@0.3.25']);
  // `string-width-cjs "npm:string-width@^4.2.0"` is the real string-width@4.2.3, not a package named string-width-cjs.
  const cliui = depNames(result, find(result, '@isaacs/cliui', '8.0.2'));
  assert.ok(cliui.includes('string-width@4.2.3') && cliui.includes('string-width@5.1.2'), cliui.join(' '));
  assert.ok(![...result.components.values()].some((c) => c.name.endsWith('-cjs')));
  assert.deepEqual(props(find(result, 'string-width', '4.2.3'), 'cdx:yarn:alias'), ['string-width-cjs']);
});

// ---- corpus: prettier (berry, metadata version 10, with its manifest) --------------------------------------

test('yarn berry (prettier): components, root and scopes from the manifest', async () => {
  const dir = corpus('yarn', 'prettier-berry');
  const text = readFileSync(join(dir, 'yarn.lock'), 'utf8');
  const result = await readLockfile(dir, 'yarn.lock');
  assertClosed(result);

  assert.equal(result.components.size, berryResolutions(text).size);
  assert.equal(result.root.name, 'prettier');
  assert.equal(result.root.version, '3.10.0-dev');
  assert.deepEqual(result.root.licenses, [{ kind: 'id', id: 'MIT' }]);
  assert.equal(result.root.manifest, 'package.json');
  assert.equal(result.workspaceMembers.size, 0);
  assert.deepEqual(result.warnings, []);

  const workspaceDeps = /^"prettier@workspace:\.":\n {2}version: .*\n {2}resolution: .*\n {2}dependencies:\n((?: {4}.*\n)+)/m.exec(text)?.[1];
  assert.ok(workspaceDeps !== undefined);
  assert.equal(result.rootDependsOn.size, workspaceDeps.trimEnd().split('\n').length);

  assert.equal(find(result, '@babel/parser', '8.0.4').scope, 'required'); // dependencies
  assert.equal(find(result, 'eslint', '10.6.0').scope, 'excluded'); // devDependencies
  assert.equal(find(result, 'prettier', '3.9.6').scope, 'excluded'); // prettier formats itself with the released one
  assert.equal(find(result, '@oxc-parser/binding-linux-x64-gnu', '0.141.0').scope, 'optional'); // dependenciesMeta optional
  assert.ok(result.rootDependsOn.has(find(result, 'oxc-parser', '0.141.0').key));
});

test('yarn berry (prettier): checksums are properties, patches and aliases are not components', async () => {
  const result = await readLockfile(corpus('yarn', 'prettier-berry'), 'yarn.lock');

  const parser = find(result, '@babel/parser', '8.0.4');
  assert.deepEqual(parser.hashes, []);
  assert.deepEqual(props(parser, 'cdx:yarn:checksum'), [
    '10/230554794a2c296ce1fb60f57459d94903802369e14e1d83c3ea266b64a4f88ab292eadf5213823d87c04541c9c43b8b6daaae919f25551d3637800663fb25bf',
  ]);
  assert.equal(parser.purl, 'pkg:npm/%40babel/parser@8.0.4');
  assert.deepEqual(depNames(result, parser), ['@babel/types@8.0.4']);

  // typescript@npm:6.0.3 and its compat patch are one component carrying both cache checksums.
  const ts = find(result, 'typescript');
  assert.equal(ts.version, '6.0.3');
  assert.equal(ts.purl, 'pkg:npm/typescript@6.0.3');
  assert.deepEqual(props(ts, 'cdx:yarn:patch'), ['optional!builtin<compat/typescript>']);
  assert.equal(props(ts, 'cdx:yarn:checksum').length, 2);
  assert.ok(![...result.components.values()].some((c) => c.name.includes('patch:') || c.name.includes('@npm')));

  // `react-is-18: npm:react-is@^18.3.1` is react-is itself.
  const reactIs = find(result, 'react-is', '18.3.1');
  assert.deepEqual(props(reactIs, 'cdx:yarn:alias'), ['react-is-18']);
  assert.ok(depNames(result, find(result, 'pretty-format', '30.4.1')).includes('react-is@18.3.1'));

  // `resolutions: { trim: 1.0.1 }` overrides remark-parse's `trim: npm:0.0.1`; yarn locked the override.
  assert.ok(depNames(result, find(result, 'remark-parse', '8.0.3')).includes('trim@1.0.1'));
  assert.deepEqual(props(find(result, 'fsevents', '2.3.3'), 'cdx:yarn:conditions'), ['os=darwin']);
});

// ---- corpus: cdxgen's yarn v2 lockfile (berry, metadata version 4, no manifest) ----------------------------

test('yarn berry v4 metadata without a manifest (cdxgen): root from the workspace entry, everything reachable required', async () => {
  const dir = corpus('yarn', 'cdxgen-berry-v2');
  const text = readFileSync(join(dir, 'yarn.lock'), 'utf8');
  const result = await readLockfile(dir, 'yarn.lock');
  assertClosed(result);

  assert.equal(result.components.size, berryResolutions(text).size);
  assert.equal(result.root.name, 'goof');
  assert.equal(result.root.version, undefined);
  assert.equal(result.root.manifest, undefined);
  assert.ok(result.warnings.some((w) => /scopes could not be determined without the manifest/.test(w)), result.warnings.join('\n'));

  const scopes = new Set([...result.components.values()].map((c) => c.scope));
  assert.ok(!scopes.has('excluded'));
  assert.equal(find(result, 'tap', '11.1.5').scope, 'required'); // a test runner, but nothing says it is dev
  assert.equal(find(result, 'kerberos').scope, 'optional');

  // `method-override: latest` resolves through the `method-override@npm:latest` key.
  const methodOverride = find(result, 'method-override', '3.0.0');
  assert.ok(result.rootDependsOn.has(methodOverride.key));
  assert.equal(result.rootDependsOn.size, 32);
  // v4 keys without `npm:` (`resolve@1.1.7`) still resolve, and the compat patch merges into the base.
  assert.deepEqual(depNames(result, find(result, 'browser-resolve', '1.11.3')), ['resolve@1.1.7']);
  assert.deepEqual(props(find(result, 'resolve', '1.20.0'), 'cdx:yarn:patch'), ['builtin<compat/resolve>']);
  assert.match(props(find(result, 'optional', '0.1.4'), 'cdx:yarn:checksum')[0] ?? '', /^3fbc11b6/);
});

test('yarn sources are deterministic', async () => {
  const dump = (r: LockfileResult): string =>
    JSON.stringify([...r.components.values()].map((c) => [c.key, c.scope, c.hashes, c.properties, [...c.dependsOn]]));
  for (const name of ['excalidraw-classic-v1', 'prettier-berry', 'cdxgen-berry-v2']) {
    const a = await readLockfile(corpus('yarn', name), 'yarn.lock');
    const b = await readLockfile(corpus('yarn', name), 'yarn.lock');
    assert.equal(dump(a), dump(b), name);
    assert.ok(!dump(a).includes(corpus('yarn', name)), 'no absolute paths');
  }
});

// ---- built fixtures ----------------------------------------------------------------------------------------

const CLASSIC_WORKSPACE_LOCK = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@corp/internal@^2.0.0":
  version "2.1.0"
  resolved "https://npm.corp.example/@corp/internal/-/internal-2.1.0.tgz#0123456789abcdef0123456789abcdef01234567"

chokidar@^3.5.0:
  version "3.6.0"
  resolved "https://registry.yarnpkg.com/chokidar/-/chokidar-3.6.0.tgz#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  integrity sha512-AAAA
  optionalDependencies:
    fsevents "~2.3.2"

fsevents@~2.3.2:
  version "2.3.3"
  resolved "https://registry.yarnpkg.com/fsevents/-/fsevents-2.3.3.tgz#cac6407785d03675a2a5e1a5305c697b347d90d6"

left-pad@^1.3.0:
  version "1.3.0"
  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"

lodash@^4.17.20, "lodash@^4.17.21":
  version "4.17.21"
  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c"
  integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==

"tiny@git+https://github.com/acme/tiny.git#v1":
  version "0.1.0"
  resolved "git+https://github.com/acme/tiny.git#0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"
  dependencies:
    lodash "^4.17.20"
    missing-thing "^1.0.0"
`;

test('yarn classic v1 workspace project: members, dev/optional scopes, git/registry/sha1 sources', async () => {
  const tmp = writeProject({
    'yarn.lock': CLASSIC_WORKSPACE_LOCK,
    'package.json': JSON.stringify({ name: 'mono', version: '1.0.0', license: 'Apache-2.0', workspaces: ['packages/*'], devDependencies: { chokidar: '^3.5.0' } }),
    'packages/a/package.json': JSON.stringify({ name: '@mono/a', version: '0.2.0', dependencies: { lodash: '^4.17.21', '@mono/b': '*', tiny: 'git+https://github.com/acme/tiny.git#v1' }, devDependencies: { 'left-pad': '^1.3.0' } }),
    'packages/b/package.json': JSON.stringify({ name: '@mono/b', version: '0.3.0', optionalDependencies: { '@corp/internal': '^2.0.0' } }),
  });
  try {
    const result = await readLockfile(tmp.dir, 'yarn.lock');
    assertClosed(result);
    assert.equal(result.root.name, 'mono');
    assert.equal(result.root.version, '1.0.0');
    assert.deepEqual(result.root.licenses, [{ kind: 'id', id: 'Apache-2.0' }]);
    assert.equal(result.components.size, 6 + 2);

    const a = find(result, '@mono/a', '0.2.0');
    const b = find(result, '@mono/b', '0.3.0');
    assert.equal(a.type, 'application');
    assert.deepEqual(a.source, { kind: 'workspace', path: 'packages/a' });
    assert.equal(a.purl, undefined);
    assert.deepEqual(new Set(result.workspaceMembers), new Set([a.key, b.key]));
    assert.ok(a.dependsOn.has(b.key), 'member -> member edge although classic does not lock workspaces');

    assert.equal(find(result, 'lodash').scope, 'required'); // a member's dependency
    assert.equal(find(result, 'left-pad').scope, 'excluded'); // a member's devDependency
    assert.equal(find(result, 'chokidar').scope, 'excluded'); // the root's devDependency
    assert.equal(find(result, 'fsevents').scope, 'excluded'); // optional, but under a dev dependency
    assert.equal(find(result, '@corp/internal').scope, 'optional'); // a member's optionalDependency

    const tiny = find(result, 'tiny', '0.1.0');
    assert.deepEqual(tiny.source, { kind: 'git', url: 'git+https://github.com/acme/tiny.git', commit: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c' });
    assert.match(tiny.purl ?? '', /vcs_url=git%2Bhttps:\/\/github\.com\/acme\/tiny\.git%400f1e2d3c/);
    assert.equal(tiny.scope, 'required');
    assert.deepEqual(tiny.hashes, []);

    const internal = find(result, '@corp/internal', '2.1.0');
    assert.deepEqual(internal.source, { kind: 'registry', url: 'https://npm.corp.example' });
    assert.match(internal.purl ?? '', /repository_url=https:\/\/npm\.corp\.example$/);
    // No integrity: the `#sha1` of `resolved` is the hash.
    assert.deepEqual(internal.hashes, [{ alg: 'SHA-1', content: '0123456789abcdef0123456789abcdef01234567' }]);
    // Integrity present: only the integrity, not the `#sha1`.
    assert.deepEqual(find(result, 'lodash').hashes.map((h) => h.alg), ['SHA-512']);

    assert.ok(result.warnings.some((w) => w.includes('missing-thing@^1.0.0') && w.includes('tiny@0.1.0')), result.warnings.join('\n'));
  } finally {
    tmp.cleanup();
  }
});

const BERRY_WORKSPACE_LOCK = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"@mono/a@workspace:^, @mono/a@workspace:packages/a":
  version: 0.0.0-use.local
  resolution: "@mono/a@workspace:packages/a"
  dependencies:
    lodash: "npm:^4.17.21"
    left-pad: "npm:^1.3.0"
  languageName: unknown
  linkType: soft

"left-pad@npm:^1.3.0":
  version: 1.3.0
  resolution: "left-pad@npm:1.3.0"
  checksum: 10c0/abc
  languageName: node
  linkType: hard

"lodash@npm:^4.17.21":
  version: 4.17.21
  resolution: "lodash@npm:4.17.21"
  checksum: 10c0/def
  languageName: node
  linkType: hard

"lodash@patch:lodash@npm%3A^4.17.21#~/.yarn/patches/lodash-npm-4.17.21-6382451519.patch":
  version: 4.17.21
  resolution: "lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash-npm-4.17.21-6382451519.patch::version=4.17.21&hash=abc123"
  checksum: 10c0/fed
  languageName: node
  linkType: hard

"mono@workspace:.":
  version: 0.0.0-use.local
  resolution: "mono@workspace:."
  dependencies:
    "@mono/a": "workspace:^"
    tiny: "https://github.com/acme/tiny.git#commit=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"
    ghost: "npm:^9.0.0"
  languageName: unknown
  linkType: soft

"tiny@https://github.com/acme/tiny.git#commit=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c":
  version: 0.1.0
  resolution: "tiny@https://github.com/acme/tiny.git#commit=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"
  languageName: node
  linkType: hard
`;

test('yarn berry workspace project: members from workspace entries, user patches, git sources', async () => {
  const tmp = writeProject({
    'yarn.lock': BERRY_WORKSPACE_LOCK,
    'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*'], dependencies: { '@mono/a': 'workspace:^', tiny: 'https://github.com/acme/tiny.git' }, devDependencies: { ghost: '^9.0.0' } }),
    'packages/a/package.json': JSON.stringify({ name: '@mono/a', version: '0.2.0', dependencies: { lodash: '^4.17.21' }, devDependencies: { 'left-pad': '^1.3.0' } }),
  });
  try {
    const result = await readLockfile(tmp.dir, 'yarn.lock');
    assertClosed(result);
    assert.equal(result.components.size, 4); // @mono/a, left-pad, lodash (base + patch), tiny
    const a = find(result, '@mono/a');
    assert.equal(a.version, '0.2.0'); // from the member manifest, not 0.0.0-use.local
    assert.equal(a.type, 'application');
    assert.deepEqual([...result.workspaceMembers], [a.key]);
    assert.ok(result.rootDependsOn.has(a.key));
    assert.ok(!result.components.has('mono'));

    assert.equal(find(result, 'lodash').scope, 'required');
    assert.equal(find(result, 'left-pad').scope, 'excluded');
    assert.deepEqual(props(find(result, 'lodash'), 'cdx:yarn:patch'), ['~/.yarn/patches/lodash-npm-4.17.21-6382451519.patch']);
    assert.deepEqual(props(find(result, 'lodash'), 'cdx:yarn:checksum'), ['10c0/def', '10c0/fed']);

    const tiny = find(result, 'tiny');
    assert.deepEqual(tiny.source, { kind: 'git', url: 'https://github.com/acme/tiny.git', commit: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c' });
    assert.equal(tiny.scope, 'required');
    assert.ok(result.warnings.some((w) => w.includes('ghost@npm:^9.0.0')), result.warnings.join('\n'));
  } finally {
    tmp.cleanup();
  }
});

test('yarn classic v1 without a manifest: dependencies nothing else uses stand in for the root, all required', async () => {
  const tmp = writeProject({ 'yarn.lock': CLASSIC_WORKSPACE_LOCK });
  try {
    const result = await readLockfile(tmp.dir, 'yarn.lock');
    assert.equal(result.components.size, 6);
    assert.equal(result.root.manifest, undefined);
    assert.match(result.root.name, /^chainwarden-yarn-/); // the lockfile directory's name
    const roots = [...result.rootDependsOn].map((k) => result.components.get(k)?.name).sort();
    assert.deepEqual(roots, ['@corp/internal', 'chokidar', 'left-pad', 'tiny']);
    assert.equal(find(result, 'lodash').scope, 'required');
    assert.equal(find(result, 'fsevents').scope, 'optional');
    assert.ok(result.warnings.some((w) => /scopes could not be determined/.test(w)));
  } finally {
    tmp.cleanup();
  }
});

// ---- bad input ---------------------------------------------------------------------------------------------

const V1_HEAD = '# yarn lockfile v1\n\n';

test('yarn classic v1: an unterminated string names its line', async () => {
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}"a@^1.0.0":\n  version "1.0.0\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:4:\d+: unterminated string/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}"a@^1.0.0":\n  version "1.0.0"\n  resolved "x\\qy"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:5:12: invalid escape in string/);
});

test('yarn classic v1: quoted keys with escapes, commas and colons are one descriptor each', async () => {
  const sha1 = '0123456789abcdef0123456789abcdef01234567';
  // The first hex digit is written as a JSON escape (\u0030 is "0").
  const resolved = `https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#\\u0030${sha1.slice(1)}`;
  const lock = `${V1_HEAD}"a@^1.0.0", "a@npm:a@~1.0.0", a@1.0.0:\n  version "1.0.0"\n  resolved "${resolved}"\n\nb@^2:\n  version "2.0.0"\n  dependencies:\n    a "npm:a@~1.0.0"\n`;
  const tmp = writeProject({ 'yarn.lock': lock, 'package.json': JSON.stringify({ name: 'p', dependencies: { a: '1.0.0', b: '^2' } }) });
  try {
    const result = await readLockfile(tmp.dir, 'yarn.lock');
    assert.equal(result.components.size, 2);
    const a = find(result, 'a', '1.0.0');
    assert.deepEqual(a.hashes, [{ alg: 'SHA-1', content: sha1 }]);
    assert.deepEqual(depNames(result, find(result, 'b', '2.0.0')), ['a@1.0.0']);
    assert.equal(result.rootDependsOn.size, 2);
    assert.deepEqual(result.warnings, []);
  } finally {
    tmp.cleanup();
  }
});

test('yarn classic v1: broken indentation names its line', async () => {
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  version "1.0.0"\n   resolved "x"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:5:\d+: indentation of 3 spaces/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  version "1.0.0"\n      resolved "x"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:5:\d+: unexpected indentation/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n\tversion "1.0.0"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:4:\d+: tab in indentation/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  version "1.0.0" "x"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:4:\d+: unexpected text after the value/);
});

test('yarn classic v1: missing version, wrong field types, merge conflicts', async () => {
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  resolved "x"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:3 \(at \["a@\^1\.0\.0"\]\.version\): entry has no "version"/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  version "1.0.0"\n  dependencies "b"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:5 .*"dependencies" must be a nested map/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}<<<<<<< HEAD\na@^1.0.0:\n  version "1.0.0"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:3:1: unresolved merge conflict/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}nonsense:\n  version "1"\n` }, 'LOCKFILE_INVALID', /^yarn\.lock:3\b.*not a name@range descriptor/);
});

test('yarn classic v1: duplicate descriptors and fields are LOCKFILE_DUPLICATE with the line', async () => {
  const entry = (range: string, version: string): string => `a@${range}:\n  version "${version}"\n\n`;
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}${entry('^1.0.0', '1.0.0')}${entry('^1.0.0', '1.0.1')}` }, 'LOCKFILE_DUPLICATE', /^yarn\.lock:6: descriptor "a@\^1\.0\.0" is locked twice \(first at line 3\)/);
  await expectLockfileError({ 'yarn.lock': `${V1_HEAD}a@^1.0.0:\n  version "1.0.0"\n  version "1.0.1"\n` }, 'LOCKFILE_DUPLICATE', /^yarn\.lock:5: duplicate key "version" \(first at line 4\)/);
});

test('yarn classic: an unknown lockfile header version is LOCKFILE_UNSUPPORTED', async () => {
  await expectLockfileError({ 'yarn.lock': '# yarn lockfile v2\n\na@^1:\n  version "1.0.0"\n' }, 'LOCKFILE_UNSUPPORTED', /^yarn\.lock:1: .*supported: yarn classic v1, yarn berry __metadata versions 4-10/);
});

const berry = (version: string, body = ''): string => `__metadata:\n  version: ${version}\n  cacheKey: 10\n\n${body}`;

test('yarn berry: unknown __metadata versions are LOCKFILE_UNSUPPORTED and list the supported ones', async () => {
  for (const version of ['3', '11', '"abc"']) {
    await expectLockfileError({ 'yarn.lock': berry(version) }, 'LOCKFILE_UNSUPPORTED', /^yarn\.lock:1 \(at __metadata\.version\): unsupported yarn lockfile version .*\(supported: yarn classic v1, yarn berry __metadata versions 4-10\)/);
  }
  await expectLockfileError({ 'yarn.lock': '"a@npm:1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n' }, 'LOCKFILE_INVALID', /missing "__metadata"/);
});

test('yarn berry: duplicate keys and descriptors are LOCKFILE_DUPLICATE with the line', async () => {
  const entry = (key: string): string => `"${key}":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n  languageName: node\n  linkType: hard\n\n`;
  await expectLockfileError({ 'yarn.lock': berry('8', entry('a@npm:^1.0.0') + entry('a@npm:^1.0.0')) }, 'LOCKFILE_DUPLICATE', /^yarn\.lock:11: duplicate key "a@npm:\^1\.0\.0" \(first at line 5\)/);
  await expectLockfileError({ 'yarn.lock': berry('8', entry('a@npm:^1.0.0, a@npm:1.0.0') + entry('a@npm:1.0.0')) }, 'LOCKFILE_DUPLICATE', /^yarn\.lock:11: descriptor "a@npm:1\.0\.0" is locked twice \(first at line 5\)/);
});

test('yarn berry: malformed YAML and wrong field types name the line or key', async () => {
  await expectLockfileError({ 'yarn.lock': berry('8', '"a@npm:1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0\n') }, 'LOCKFILE_INVALID', /^yarn\.lock:\d+:\d+: invalid YAML/);
  await expectLockfileError({ 'yarn.lock': berry('8', '"a@npm:1":\n  version: 1.0.0\n') }, 'LOCKFILE_INVALID', /^yarn\.lock:5 \(at \["a@npm:1"\]\.resolution\): entry has no "resolution"/);
  await expectLockfileError({ 'yarn.lock': berry('8', '"a@npm:1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n  dependencies: [1, 2]\n') }, 'LOCKFILE_INVALID', /^yarn\.lock:5 \(at \["a@npm:1"\]\.dependencies\): "dependencies" must be a mapping/);
  await expectLockfileError({ 'yarn.lock': berry('8', '"a@npm:1": 3\n') }, 'LOCKFILE_INVALID', /^yarn\.lock:5 .*must be a mapping/);
  await expectLockfileError({ 'yarn.lock': berry('8', '"a@npm:1":\n  version: 1.0.0\n  resolution: "nonsense"\n') }, 'LOCKFILE_INVALID', /not a name@reference locator/);
});
