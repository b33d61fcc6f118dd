import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult, Scope } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { corpus, tempDir } from '../../helpers/shared.js';

// ---------------------------------------------------------------------------------------------------------------
// Independent reading of the raw files (plain JSON walks, no parser code): what the components must be.

type Raw = Record<string, unknown>;
const SCOPE_RANK: Record<Scope, number> = { required: 3, optional: 2, excluded: 1 };

function rawLock(name: string): Raw {
  return JSON.parse(readFileSync(corpus('npm', name, 'package-lock.json'), 'utf8')) as Raw;
}

function flagScope(entry: Raw): Scope {
  if (entry['devOptional'] === true) return 'optional';
  if (entry['dev'] === true) return 'excluded';
  return entry['optional'] === true ? 'optional' : 'required';
}

/** name@version → strongest flag scope, over installed (node_modules) entries of `packages`; links counted apart. */
function expectedFromPackages(lock: Raw): { installed: Map<string, Scope>; links: number } {
  const installed = new Map<string, Scope>();
  let links = 0;
  for (const [path, value] of Object.entries(lock['packages'] as Record<string, Raw>)) {
    if (value['link'] === true) {
      links++;
      continue;
    }
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
    if (m === null) continue; // the root and workspace folders
    const id = `${typeof value['name'] === 'string' ? value['name'] : (m[1] as string)}@${value['version'] as string}`;
    const scope = flagScope(value);
    const seen = installed.get(id);
    if (seen === undefined || SCOPE_RANK[scope] > SCOPE_RANK[seen]) installed.set(id, scope);
  }
  return { installed, links };
}

/** name@version → strongest flag scope over a v1 nested `dependencies` tree. */
function expectedFromTree(deps: Record<string, Raw>, out = new Map<string, Scope>()): Map<string, Scope> {
  for (const [name, value] of Object.entries(deps)) {
    const id = `${name}@${value['version'] as string}`;
    const scope = flagScope(value);
    const seen = out.get(id);
    if (seen === undefined || SCOPE_RANK[scope] > SCOPE_RANK[seen]) out.set(id, scope);
    if (value['dependencies'] !== undefined) expectedFromTree(value['dependencies'] as Record<string, Raw>, out);
  }
  return out;
}

function scopesOf(result: LockfileResult, kind: 'library' | 'application'): Map<string, Scope> {
  const out = new Map<string, Scope>();
  for (const c of result.components.values()) if (c.type === kind) out.set(`${c.name}@${c.version ?? ''}`, c.scope);
  return out;
}

function one(result: LockfileResult, name: string, version?: string): Component {
  const found = [...result.components.values()].filter((c) => c.name === name && (version === undefined || c.version === version));
  assert.equal(found.length, 1, `expected exactly one ${name}@${version ?? '*'}, found ${found.length}`);
  return found[0] as Component;
}

function assertClosed(result: LockfileResult): void {
  for (const c of result.components.values()) {
    for (const key of c.dependsOn) assert.ok(result.components.has(key), `${c.name} depends on a missing key`);
  }
  for (const key of result.rootDependsOn) assert.ok(result.components.has(key), 'rootDependsOn names a missing key');
  for (const key of result.workspaceMembers) assert.ok(result.components.has(key), 'workspaceMembers names a missing key');
}

function sriHex(integrity: string): string {
  return Buffer.from(integrity.replace(/^sha\d+-/, ''), 'base64').toString('hex');
}

const parseCorpus = (name: string): Promise<LockfileResult> => readLockfile(corpus('npm', name), 'package-lock.json');

// ---------------------------------------------------------------------------------------------------------------
// Corpus: every npm lockfile.

test('npm theia (v3 workspaces): 2090 registry components + 106 workspace members, scopes from flags', async () => {
  const lock = rawLock('theia-monorepo-large');
  const expected = expectedFromPackages(lock);
  assert.equal(expected.installed.size, 2090); // MANIFEST: 2090 unique name@version
  assert.equal(expected.links, 106); // MANIFEST: 106 workspace links
  const result = await parseCorpus('theia-monorepo-large');
  assert.equal(result.format, 'npm');
  assert.equal(result.components.size, 2090 + 106);
  assert.deepEqual(scopesOf(result, 'library'), expected.installed);
  assert.equal(result.workspaceMembers.size, 106);
  assert.equal(result.root.name, '@theia/monorepo');
  assert.equal(result.root.version, '0.0.0');
  assert.equal(result.root.manifest, 'package.json');
  assert.equal(result.carriesLicenses, true);
  assert.deepEqual(result.warnings, []);
  assertClosed(result);

  // Scopes of real entries: devOptional → optional, optional → optional, dev+optional → excluded, dev → excluded,
  // and required at some paths / dev at others → required (strongest wins).
  assert.equal(one(result, 'define-properties', '1.2.1').scope, 'optional');
  assert.equal(one(result, '@esbuild/aix-ppc64', '0.28.2').scope, 'optional');
  assert.equal(one(result, '@nx/nx-darwin-arm64', '22.7.8').scope, 'excluded');
  assert.equal(one(result, '@isaacs/cliui', '9.0.0').scope, 'excluded');
  assert.equal(one(result, 'semver', '6.3.1').scope, 'required');
  assert.deepEqual(one(result, 'semver', '6.3.1').properties, [['cdx:npm:package-path', 'node_modules/@babel/core/node_modules/semver']]);

  // Aliases: node_modules/string-width-cjs is string-width@4.2.3.
  const sw = one(result, 'string-width', '4.2.3');
  assert.equal(sw.purl, 'pkg:npm/string-width@4.2.3');
  assert.equal([...result.components.values()].filter((c) => c.name === 'string-width-cjs').length, 0);

  // Workspace members: application, local source, no purl, in rootDependsOn; the nameless plugin is named by its link.
  const core = one(result, '@theia/core');
  assert.equal(core.type, 'application');
  assert.deepEqual(core.source, { kind: 'workspace', path: 'packages/core' });
  assert.equal(core.purl, undefined);
  assert.equal(core.version, '1.74.0');
  assert.deepEqual(core.licenses, [{ kind: 'expression', expression: 'EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0' }]);
  assert.ok(result.workspaceMembers.has(core.key) && result.rootDependsOn.has(core.key));
  assert.deepEqual(one(result, 'plugin-a').source, { kind: 'workspace', path: 'sample-plugins/sample-namespace/plugin-a' });
  assert.ok(one(result, 'plugin-a').dependsOn.has(one(result, '@types/vscode').key)); // a devDependency of a member

  // Edges resolve from the member's own path: @theia/cli gets its nested glob@8.1.0, not the hoisted glob@7.2.3.
  const cli = one(result, '@theia/cli');
  assert.ok(cli.dependsOn.has(one(result, 'glob', '8.1.0').key));
  assert.ok(!cli.dependsOn.has(one(result, 'glob', '7.2.3').key));
  assert.ok(cli.dependsOn.has(one(result, '@theia/application-manager').key)); // through the workspace link
  assert.ok(one(result, '@theia/application-manager').dependsOn.has(one(result, 'buffer', '6.0.3').key));

  // Hash from integrity, purl of a scoped registry package.
  const integrity = ((lock['packages'] as Record<string, Raw>)['node_modules/define-properties'] as Raw)['integrity'] as string;
  assert.deepEqual(one(result, 'define-properties', '1.2.1').hashes, [{ alg: 'SHA-512', content: sriHex(integrity) }]);
  assert.equal(one(result, '@isaacs/cliui', '9.0.0').purl, 'pkg:npm/%40isaacs/cliui@9.0.0');
  assert.deepEqual(one(result, '@isaacs/cliui', '9.0.0').licenses, [{ kind: 'id', id: 'BlueOak-1.0.0' }]);
});

test('npm theia: root direct dependencies are the root devDependencies plus every workspace member', async () => {
  const lock = rawLock('theia-monorepo-large');
  const rootEntry = (lock['packages'] as Record<string, Raw>)[''] as Raw;
  const declared = Object.keys(rootEntry['devDependencies'] as Raw);
  const result = await parseCorpus('theia-monorepo-large');
  const rootNames = new Set([...result.rootDependsOn].map((k) => (result.components.get(k) as Component).name));
  for (const name of declared) assert.ok(rootNames.has(name), `root devDependency ${name} missing from rootDependsOn`);
  assert.ok(rootNames.has('@types/chai'));
  assert.equal(one(result, '@types/chai', '4.3.0').scope, 'excluded');
});

test('npm hotpass-web-ui (v3): 391 components, dev tooling excluded, runtime required', async () => {
  const expected = expectedFromPackages(rawLock('hotpass-web-ui'));
  assert.equal(expected.installed.size, 391);
  const result = await parseCorpus('hotpass-web-ui');
  assert.equal(result.components.size, 391);
  assert.deepEqual(scopesOf(result, 'library'), expected.installed);
  assert.equal(result.workspaceMembers.size, 0);
  assert.equal(result.root.name, 'hotpass-web-ui');
  assert.equal(result.root.version, '0.1.0');
  assert.equal(one(result, '@tanstack/react-query', '5.90.5').scope, 'required');
  assert.equal(one(result, '@esbuild/aix-ppc64', '0.25.11').scope, 'excluded'); // dev + optional
  assert.equal(one(result, '@tanstack/react-query', '5.90.5').purl, 'pkg:npm/%40tanstack/react-query@5.90.5');
  const rq = one(result, '@tanstack/react-query', '5.90.5');
  assert.ok(rq.dependsOn.has(one(result, '@tanstack/query-core', '5.90.5').key));
  assert.ok(result.rootDependsOn.has(rq.key));
  assert.ok(result.rootDependsOn.has(one(result, 'react').key));
  assertClosed(result);
});

test('npm cdxgen-lock-v2: 1279 components from `packages`, tslib@1.14.1 required by strongest wins', async () => {
  const expected = expectedFromPackages(rawLock('cdxgen-lock-v2'));
  assert.equal(expected.installed.size, 1279);
  const result = await parseCorpus('cdxgen-lock-v2');
  assert.equal(result.components.size, 1279);
  assert.deepEqual(scopesOf(result, 'library'), expected.installed);
  assert.equal(result.root.name, 'flink-dashboard');
  assert.equal(result.root.manifest, undefined);
  assert.ok(result.warnings.some((w) => w.includes('no package.json')));
  assert.equal(result.carriesLicenses, false); // npm 7 did not write `license`
  assert.equal(one(result, 'tslib', '1.14.1').scope, 'required');
  assert.equal(one(result, 'parse5', '5.1.1').scope, 'optional');
  assert.equal(one(result, '@angular/core', '14.2.6').scope, 'required');
  assert.ok(result.rootDependsOn.has(one(result, '@angular/core', '14.2.6').key));
  assertClosed(result);
});

test('npm cdxgen-lock-v3: 648 components, devOptional → optional', async () => {
  const expected = expectedFromPackages(rawLock('cdxgen-lock-v3'));
  assert.equal(expected.installed.size, 648);
  const result = await parseCorpus('cdxgen-lock-v3');
  assert.equal(result.components.size, 648);
  assert.deepEqual(scopesOf(result, 'library'), expected.installed);
  assert.equal(result.root.name, '@cyclonedx/cdxgen');
  assert.deepEqual(result.root.licenses, [{ kind: 'id', id: 'Apache-2.0' }]);
  assert.equal(one(result, 'fsevents', '2.3.2').scope, 'excluded'); // dev + optional
  assert.equal(one(result, '@cyclonedx/cdxgen-plugins-bin', '1.1.0').scope, 'optional');
  assert.equal(one(result, 'ansi-styles', '4.3.0').scope, 'required');
  const devOptional = Object.entries(rawLock('cdxgen-lock-v3')['packages'] as Record<string, Raw>).filter(([, v]) => v['devOptional'] === true);
  assert.equal(devOptional.length, 4);
  for (const [path, v] of devOptional) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)?.[1] as string;
    assert.equal(one(result, name, v['version'] as string).scope, 'optional', path);
  }
  assertClosed(result);
});

test('npm cdxgen-lock-v1: nested dependencies tree, requires resolved through nesting', async () => {
  const lock = rawLock('cdxgen-lock-v1');
  const expected = expectedFromTree(lock['dependencies'] as Record<string, Raw>);
  const result = await parseCorpus('cdxgen-lock-v1');
  assert.equal(result.components.size, expected.size);
  assert.equal(result.components.size, 571);
  assert.deepEqual(scopesOf(result, 'library'), expected);
  assert.equal(result.root.name, 'x-tag');
  assert.equal(result.root.version, '2.0.3-beta');
  assert.equal(result.carriesLicenses, false);
  assert.equal(one(result, 'arr-flatten', '1.1.0').scope, 'excluded');
  assert.equal(one(result, 'colors', '1.3.3').scope, 'optional');
  assert.equal(one(result, 'natives').scope, 'required');
  // gulp-concat requires vinyl ^2.0.0: its own nested vinyl@2.1.0, not the hoisted vinyl@0.5.3.
  const tree = lock['dependencies'] as Record<string, Raw>;
  const gulpConcat = tree['gulp-concat'] as Raw;
  const nested = ((gulpConcat['dependencies'] as Record<string, Raw>)['vinyl'] as Raw)['version'] as string;
  const hoisted = (tree['vinyl'] as Raw)['version'] as string;
  assert.deepEqual([nested, hoisted], ['2.1.0', '0.5.3']);
  const gc = one(result, 'gulp-concat', gulpConcat['version'] as string);
  assert.ok(gc.dependsOn.has(one(result, 'vinyl', nested).key));
  assert.ok(!gc.dependsOn.has(one(result, 'vinyl', hoisted).key));
  assert.ok(gc.dependsOn.has(one(result, 'through2', (tree['through2'] as Raw)['version'] as string).key)); // hoisted
  const sha1 = (tree['ansi-regex'] as Raw)['integrity'] as string;
  assert.deepEqual(one(result, 'ansi-regex', '2.1.1').hashes, [{ alg: 'SHA-1', content: sriHex(sha1) }]);
  // No manifest and v1 has no root entry: inferred top-level roots, with a warning.
  assert.ok(result.rootDependsOn.has(one(result, 'npm').key));
  assert.ok(result.warnings.some((w) => w.includes('inferred')));
  assertClosed(result);
});

test('npm: two runs give identical results and nothing absolute leaks', async () => {
  const dump = (r: LockfileResult): string =>
    JSON.stringify({ ...r, components: [...r.components.values()].map((c) => ({ ...c, dependsOn: [...c.dependsOn] })), rootDependsOn: [...r.rootDependsOn], workspaceMembers: [...r.workspaceMembers] });
  const a = dump(await parseCorpus('theia-monorepo-large'));
  const b = dump(await parseCorpus('theia-monorepo-large'));
  assert.equal(a, b);
  assert.ok(!a.includes(corpus('npm')));
});

// ---------------------------------------------------------------------------------------------------------------
// Built fixtures: sources, links, aliases, licences, warnings.

async function parseFixture(lock: unknown, files: Record<string, string> = {}, lockName = 'package-lock.json'): Promise<LockfileResult> {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, lockName), typeof lock === 'string' ? lock : JSON.stringify(lock, null, 2));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const result = await readLockfile(dir, lockName);
    assert.ok(!JSON.stringify([...result.components.values()]).includes(dir), 'absolute temp path leaked');
    return result;
  } finally {
    cleanup();
  }
}

async function parseError(text: string): Promise<LockfileError> {
  try {
    await parseFixture(text);
  } catch (error) {
    assert.ok(error instanceof LockfileError, `expected LockfileError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a LockfileError');
}

const SHA = 'sha512-' + Buffer.alloc(64, 7).toString('base64');

test('npm v3 fixture: git, other registry, tarball URL, file: link, alias, licences, nested lookup, warnings', async () => {
  const result = await parseFixture(
    {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { a: '^1', g: 'github:o/g', lib: 'file:../lib', b: 'npm:real-b@^2' }, devDependencies: { t: '*' } },
        'node_modules/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', integrity: SHA, license: { type: 'MIT', url: 'x' }, dependencies: { c: '^1', ghost: '^1' }, optionalDependencies: { fsx: '*' }, peerDependencies: { notinstalled: '*' } },
        'node_modules/a/node_modules/c': { version: '1.1.0', resolved: 'https://npm.corp.example/repo/c/-/c-1.1.0.tgz', license: ['MIT', { type: 'Apache-2.0' }, 42, null] },
        'node_modules/c': { version: '2.0.0', resolved: 'https://registry.npmjs.org/c/-/c-2.0.0.tgz', dev: true, license: 7 },
        'node_modules/t': { version: '3.0.0', resolved: 'https://cdn.example.com/t.tar.gz', dev: true, dependencies: { a: '^1', c: '^2' } },
        'node_modules/t/node_modules/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', dev: true, dependencies: { c: '^1' } },
        'node_modules/g': { version: '0.1.0', resolved: 'git+ssh://git@github.com/o/g.git#0123456789abcdef0123456789abcdef01234567', license: 'Apache-2.0 OR MIT' },
        'node_modules/b': { name: 'real-b', version: '2.0.0', resolved: 'https://registry.npmjs.org/real-b/-/real-b-2.0.0.tgz', license: 'Some Custom License' },
        'node_modules/lib': { resolved: '../lib', link: true },
        '../lib': { name: 'lib', version: '0.0.1', dependencies: { c: '^2' }, devDependencies: { nope: '*' } },
        'node_modules/@s/x': { version: '1.0.0', resolved: 'https://npm.corp.example/repo/@s/x/-/x-1.0.0.tgz' },
      },
    },
    { 'package.json': JSON.stringify({ name: 'app', version: '1.0.0', description: 'An app', license: 'MIT' }) },
  );
  assert.deepEqual(result.root, { name: 'app', version: '1.0.0', description: 'An app', licenses: [{ kind: 'id', id: 'MIT' }], ecosystem: 'npm', manifest: 'package.json' });
  const a = one(result, 'a', '1.0.0');
  assert.equal(a.purl, 'pkg:npm/a@1.0.0');
  assert.equal(a.scope, 'required'); // required at node_modules/a, dev at node_modules/t/node_modules/a
  assert.deepEqual(a.properties, [['cdx:npm:package-path', 'node_modules/a']]);
  assert.deepEqual(a.licenses, [{ kind: 'id', id: 'MIT' }]);
  assert.deepEqual(a.hashes, [{ alg: 'SHA-512', content: '07'.repeat(64) }]);
  const c1 = one(result, 'c', '1.1.0');
  assert.deepEqual(c1.source, { kind: 'registry', url: 'https://npm.corp.example/repo' });
  assert.equal(c1.purl, 'pkg:npm/c@1.1.0?repository_url=https://npm.corp.example/repo');
  assert.deepEqual(c1.licenses, [{ kind: 'id', id: 'MIT' }, { kind: 'id', id: 'Apache-2.0' }]);
  const c2 = one(result, 'c', '2.0.0');
  // a@1.0.0 is installed twice: at node_modules/a its nested c@1.1.0 wins over the hoisted c@2.0.0, at
  // node_modules/t/node_modules/a it sees the hoisted one. The one component carries both; ghost/fsx/notinstalled none.
  assert.deepEqual(a.dependsOn, new Set([c1.key, c2.key]));
  assert.equal(c2.scope, 'excluded');
  assert.deepEqual(c2.licenses, []);
  assert.deepEqual(one(result, '@s/x').source, { kind: 'registry', url: 'https://npm.corp.example/repo' }); // scoped tarball path
  const t = one(result, 't');
  assert.deepEqual(t.source, { kind: 'url', url: 'https://cdn.example.com/t.tar.gz' });
  assert.ok(t.dependsOn.has(c2.key) && t.dependsOn.has(a.key)); // t/node_modules/a is the same a@1.0.0
  const g = one(result, 'g');
  assert.deepEqual(g.source, { kind: 'git', url: 'git+ssh://git@github.com/o/g.git', commit: '0123456789abcdef0123456789abcdef01234567' });
  assert.ok(g.purl?.startsWith('pkg:npm/g@0.1.0?vcs_url='));
  assert.deepEqual(g.licenses, [{ kind: 'expression', expression: 'Apache-2.0 OR MIT' }]);
  const b = one(result, 'real-b', '2.0.0');
  assert.deepEqual(b.licenses, [{ kind: 'name', name: 'Some Custom License' }]);
  const lib = one(result, 'lib');
  assert.deepEqual(lib.source, { kind: 'path', path: '../lib' });
  assert.equal(lib.type, 'application');
  assert.ok(result.workspaceMembers.has(lib.key));
  assert.deepEqual(lib.dependsOn, new Set([c2.key])); // its devDependencies are not installed: no warning either
  assert.deepEqual(result.rootDependsOn, new Set([a.key, b.key, g.key, lib.key, t.key].sort()));
  assert.equal(result.components.size, 8);
  assert.equal(result.carriesLicenses, true);
  assert.deepEqual(result.warnings, ['node_modules/a depends on "ghost", not installed at or above it in the lockfile (no edge recorded)']);
});

test('npm v2 fixture: workspaces by glob, members resolved from their own path, link flags', async () => {
  const result = await parseFixture({
    name: 'mono',
    lockfileVersion: 2,
    requires: true,
    packages: {
      '': { name: 'mono', workspaces: ['packages/*', '!packages/skip'], devDependencies: { shared: '^1' } },
      'packages/one': { name: '@m/one', version: '1.0.0', dependencies: { shared: '^2', '@m/two': '*' } },
      'packages/one/node_modules/shared': { version: '2.0.0' },
      'packages/two': { version: '2.0.0', dev: true, devDependencies: { shared: '^1' } },
      'node_modules/@m/one': { resolved: 'packages/one', link: true },
      'node_modules/@m/two': { resolved: 'packages/two', link: true, dev: true },
      'node_modules/shared': { version: '1.0.0', dev: true },
    },
    dependencies: { ignored: { version: '9.9.9' } },
  });
  const one_ = one(result, '@m/one');
  const two = one(result, '@m/two', '2.0.0'); // named by its link
  assert.deepEqual(one_.source, { kind: 'workspace', path: 'packages/one' });
  assert.equal(two.scope, 'excluded'); // flagged dev (npm flags the link and its target alike)
  assert.deepEqual(one_.dependsOn, new Set([one(result, 'shared', '2.0.0').key, two.key]));
  assert.deepEqual(two.dependsOn, new Set([one(result, 'shared', '1.0.0').key]));
  assert.deepEqual(result.workspaceMembers, new Set([one_.key, two.key].sort()));
  assert.ok(result.rootDependsOn.has(one_.key) && result.rootDependsOn.has(two.key) && result.rootDependsOn.has(one(result, 'shared', '1.0.0').key));
  assert.equal(result.components.size, 4);
  assert.equal(result.root.name, 'mono');
  assert.equal(result.root.manifest, undefined);
});

test('npm v1 fixture: aliases, git versions, package.json gives the root deps', async () => {
  const result = await parseFixture(
    {
      name: 'old',
      version: '0.1.0',
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        'my-alias': { version: 'npm:real@1.2.3', resolved: 'https://registry.npmjs.org/real/-/real-1.2.3.tgz', integrity: SHA },
        gitdep: { version: 'github:o/gitdep#abcdef1234567', from: 'github:o/gitdep', requires: { 'my-alias': '*', missing: '1' } },
        dev: { version: '1.0.0', dev: true, requires: { inner: '*' }, dependencies: { inner: { version: '2.0.0', dev: true } } },
      },
    },
    { 'package.json': JSON.stringify({ name: 'old', dependencies: { 'my-alias': 'npm:real@^1', gitdep: 'github:o/gitdep' }, devDependencies: { dev: '1' } }) },
  );
  const real = one(result, 'real', '1.2.3');
  assert.equal(real.purl, 'pkg:npm/real@1.2.3');
  const git = one(result, 'gitdep');
  assert.equal(git.version, undefined);
  assert.deepEqual(git.source, { kind: 'git', url: 'git+https://github.com/o/gitdep.git', commit: 'abcdef1234567' });
  assert.deepEqual(git.dependsOn, new Set([real.key]));
  assert.deepEqual(one(result, 'dev').dependsOn, new Set([one(result, 'inner', '2.0.0').key]));
  assert.equal(one(result, 'inner').scope, 'excluded');
  assert.deepEqual(result.rootDependsOn, new Set([real.key, git.key, one(result, 'dev').key].sort()));
  assert.equal(result.root.name, 'old');
  assert.equal(result.root.version, '0.1.0'); // package.json has none: the lockfile's
  assert.deepEqual(result.warnings, ['node_modules/gitdep depends on "missing", not installed at or above it in the lockfile (no edge recorded)']);
});

test('npm: npm-shrinkwrap.json is read the same way', async () => {
  const result = await parseFixture({ lockfileVersion: 3, packages: { '': {}, 'node_modules/z': { version: '1.0.0' } } }, {}, 'npm-shrinkwrap.json');
  assert.equal(result.lockfile, 'npm-shrinkwrap.json');
  assert.equal(one(result, 'z', '1.0.0').scope, 'required');
  assert.deepEqual(one(result, 'z').source, { kind: 'registry' });
  assert.ok(result.root.name.startsWith('chainwarden-test-')); // the lockfile folder's name
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input.

test('npm: truncated JSON names the file, line and column', async () => {
  const full = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/a': { version: '1.0.0' } } }, null, 2);
  const error = await parseError(full.slice(0, full.length - 12));
  assert.equal(error.code, 'LOCKFILE_INVALID');
  assert.match(error.message, /^package-lock\.json:\d+:\d+: invalid JSON/);
  assert.equal(error.location.file, 'package-lock.json');
  assert.ok((error.location.line ?? 0) >= 5);
});

test('npm: `packages` that is not an object names the key path and line', async () => {
  const error = await parseError('{\n  "lockfileVersion": 3,\n  "packages": ["x"]\n}\n');
  assert.equal(error.code, 'LOCKFILE_INVALID');
  assert.equal(error.location.path, 'packages');
  assert.equal(error.location.line, 3);
  assert.match(error.message, /^package-lock\.json:3 \(at packages\): "packages" must be an object, got an array/);
});

test('npm: lockfileVersion 99 is unsupported and the message lists the supported versions', async () => {
  const error = await parseError('{\n  "lockfileVersion": 99,\n  "packages": {}\n}\n');
  assert.equal(error.code, 'LOCKFILE_UNSUPPORTED');
  assert.match(error.message, /^package-lock\.json:2 \(at lockfileVersion\): unsupported lockfileVersion 99 \(supported: 1, 2, 3\)/);
  const missing = await parseError('{ "packages": {} }');
  assert.equal(missing.code, 'LOCKFILE_UNSUPPORTED');
  assert.match(missing.message, /missing/);
});

test('npm: wrong field types are LockfileErrors with key paths, never TypeErrors', async () => {
  const cases: [unknown, string, RegExp][] = [
    [{ lockfileVersion: 3, packages: { 'node_modules/a': { version: 1 } } }, 'packages["node_modules/a"].version', /"version" must be a string, got a number/],
    [{ lockfileVersion: 3, packages: { 'node_modules/a': 'x' } }, 'packages["node_modules/a"]', /must be an object, got a string/],
    [{ lockfileVersion: 3, packages: { 'node_modules/a': { version: '1', dependencies: ['b'] } } }, 'packages["node_modules/a"].dependencies', /must be an object/],
    [{ lockfileVersion: 3, packages: { 'node_modules/a': { version: '1', dependencies: { b: 2 } } } }, 'packages["node_modules/a"].dependencies.b', /spec of "b" must be a string/],
    [{ lockfileVersion: 3, packages: { 'node_modules/a': { link: true } } }, 'packages["node_modules/a"]', /link entry must name its target/],
    [{ lockfileVersion: 1, dependencies: { a: { version: '1', dependencies: [] } } }, 'dependencies.a.dependencies', /must be an object/],
    [{ lockfileVersion: 1, dependencies: { a: { version: '1', requires: 'b' } } }, 'dependencies.a.requires', /must be an object/],
    [[1, 2], '', /must be a JSON object, got an array/],
  ];
  for (const [doc, path, message] of cases) {
    const error = await parseError(JSON.stringify(doc, null, 2));
    assert.equal(error.code, 'LOCKFILE_INVALID');
    assert.equal(error.location.path, path);
    assert.match(error.message, message);
    assert.ok(error.message.startsWith('package-lock.json'));
    if (path !== '') assert.equal(typeof error.location.line, 'number', path);
  }
});

test('npm: hostile licence values and a broken package.json are survived with warnings', async () => {
  const result = await parseFixture(
    { lockfileVersion: 3, packages: { '': { name: 'h' }, 'node_modules/a': { version: '1.0.0', license: { type: { nested: true } } }, 'node_modules/b': { version: '1.0.0', license: [[['MIT']], '', '  '] } } },
    { 'package.json': '{ "name": ' },
  );
  assert.deepEqual(one(result, 'a').licenses, []);
  assert.deepEqual(one(result, 'b').licenses, []);
  assert.equal(result.root.name, 'h');
  assert.equal(result.root.manifest, undefined);
  assert.ok(result.warnings.some((w) => w.startsWith('package.json is not valid JSON')));
});
