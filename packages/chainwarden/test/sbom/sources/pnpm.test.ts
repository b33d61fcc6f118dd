import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { corpus, tempDir } from '../../helpers/shared.js';

// ---------------------------------------------------------------------------------------------------------------
// Independent figures, computed from the raw text with regular expressions (not with the parser under test).

/** The lines of a top-level section (`packages:`, `importers:`), up to the next top-level key. */
function section(text: string, name: string): string {
  const start = text.indexOf(`\n${name}:\n`);
  if (start < 0) return '';
  const rest = text.slice(start + name.length + 3);
  const end = rest.search(/\n[^\s#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Keys at indentation 2 of a section, unquoted. */
function sectionKeys(text: string, name: string): string[] {
  return [...section(text, name).matchAll(/^ {2}(?:'([^']+)'|([^\s'][^:]*?|[^\s'].*?\)))\s*:(?: \{\})?\s*$/gm)].map((m) => (m[1] ?? m[2]) as string);
}

/** Unique name@version of the `packages` keys: leading `/` dropped, peer suffixes (`_…`, `(…)`) removed. */
function lockedNameVersions(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of sectionKeys(text, 'packages')) {
    const key = raw.replace(/^\//, '');
    const at = /^((?:@[^/]+\/)?[^/@]+)@([^(]+)/.exec(key) ?? /^((?:@[^/]+\/)?[^/@]+)\/([^_(/]+)/.exec(key);
    assert.ok(at, `unexpected key ${raw}`);
    out.add(`${at[1]}@${at[2]}`);
  }
  return out;
}

function importerPaths(text: string): string[] {
  return sectionKeys(text, 'importers').filter((p) => p !== '.');
}

/** `sha512-<base64>` of a key, read from the raw text, as lower-case hex. */
function rawIntegrityHex(text: string, keyLine: string): string {
  const at = text.indexOf(`\n  ${keyLine}:\n`);
  assert.ok(at >= 0, `no entry ${keyLine}`);
  const m = /integrity: sha512-([A-Za-z0-9+/=]+)/.exec(text.slice(at, at + 400));
  assert.ok(m);
  return Buffer.from(m[1] as string, 'base64').toString('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers over results.

function find(result: LockfileResult, name: string, version?: string): Component {
  const found = [...result.components.values()].filter((c) => c.name === name && (version === undefined || c.version === version));
  assert.equal(found.length, 1, `expected one component ${name}@${version ?? '*'}, found ${found.length}`);
  return found[0] as Component;
}

function depNames(result: LockfileResult, keys: Iterable<string>): string[] {
  return [...keys].map((key) => {
    const c = result.components.get(key);
    assert.ok(c, `dangling key ${key}`);
    return c.version === undefined ? c.name : `${c.name}@${c.version}`;
  });
}

function assertClosed(result: LockfileResult): void {
  for (const c of result.components.values()) for (const dep of c.dependsOn) assert.ok(result.components.has(dep), `${c.name} → dangling ${dep}`);
  for (const dep of result.rootDependsOn) assert.ok(result.components.has(dep), `root → dangling ${dep}`);
  for (const key of result.workspaceMembers) assert.ok(result.components.has(key), `member not a component: ${key}`);
}

async function readCorpus(name: string): Promise<{ result: LockfileResult; text: string }> {
  const dir = corpus('pnpm', name);
  // Line endings normalised for the regular expressions below (cdxgen's v6 fixture has CRLF line endings).
  return { result: await readLockfile(dir, 'pnpm-lock.yaml'), text: readFileSync(join(dir, 'pnpm-lock.yaml'), 'utf8').replace(/\r\n/g, '\n') };
}

/** A project in a temporary directory; returns its directory. */
function project(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const temp = tempDir('chainwarden-pnpm-');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(temp.dir, rel)), { recursive: true });
    writeFileSync(join(temp.dir, rel), content);
  }
  return temp;
}

async function parseLock(lock: string, extra: Record<string, string> = {}): Promise<LockfileResult> {
  const { dir, cleanup } = project({ 'pnpm-lock.yaml': lock, ...extra });
  try {
    return await readLockfile(dir, 'pnpm-lock.yaml');
  } finally {
    cleanup();
  }
}

async function parseError(lock: string): Promise<LockfileError> {
  try {
    await parseLock(lock);
  } catch (error) {
    assert.ok(error instanceof LockfileError, `expected a LockfileError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the lockfile to be rejected');
}

const SHA = 'sha512-' + Buffer.alloc(64, 7).toString('base64');
const SHA_HEX = Buffer.alloc(64, 7).toString('hex');

// ---------------------------------------------------------------------------------------------------------------
// Corpus: lockfileVersion 5.3 workspace (cdxgen's legacy fixture).

test('pnpm v5.3 (cdxgen legacy): one component per name@version plus the three workspace members', async () => {
  const { result, text } = await readCorpus('cdxgen-v5.3-legacy');
  const expected = lockedNameVersions(text).size + importerPaths(text).length;
  assert.equal(importerPaths(text).length, 3);
  assert.equal(result.components.size, expected);
  assert.equal(result.format, 'pnpm');
  assert.equal(result.root.name, 'cdxgen-v5.3-legacy');
  assert.equal(result.root.manifest, undefined);
  assert.ok(result.warnings.some((w) => w.startsWith('package.json: not found')));
  assertClosed(result);
});

test('pnpm v5.3: scopes come from the lockfile dev/optional flags', async () => {
  const { result } = await readCorpus('cdxgen-v5.3-legacy');
  assert.equal(find(result, 'react', '17.0.2').scope, 'required'); // dev: false
  assert.equal(find(result, 'react-dom', '17.0.2').scope, 'required'); // key carries a `_react@17.0.2` peer suffix
  assert.equal(find(result, 'js-tokens', '4.0.0').scope, 'required'); // no dev flag: used by prod and dev
  assert.equal(find(result, '@babel/core', '7.13.10').scope, 'excluded'); // dev: true
  assert.equal(find(result, 'fsevents', '2.3.2').scope, 'excluded'); // dev: true, optional: true
  const counts = { required: 0, optional: 0, excluded: 0 };
  for (const c of result.components.values()) counts[c.scope]++;
  assert.deepEqual(counts, { required: 9, optional: 0, excluded: 312 });
});

test('pnpm v5.3: purls, hashes and peer-suffixed edges', async () => {
  const { result, text } = await readCorpus('cdxgen-v5.3-legacy');
  const react = find(result, 'react', '17.0.2');
  assert.equal(react.purl, 'pkg:npm/react@17.0.2');
  assert.deepEqual(react.hashes, [{ alg: 'SHA-512', content: rawIntegrityHex(text, '/react/17.0.2') }]);
  assert.equal(find(result, '@babel/core', '7.13.10').purl, 'pkg:npm/%40babel/core@7.13.10');
  assert.deepEqual(find(result, 'object-assign', '4.1.1').hashes[0]?.alg, 'SHA-1');
  assert.deepEqual(depNames(result, find(result, 'react-dom', '17.0.2').dependsOn).sort(), ['loose-envify@1.4.0', 'object-assign@4.1.1', 'react@17.0.2', 'scheduler@0.20.2']);
  // `@babel/helper-compilation-targets: 7.16.7_@babel+core@7.13.10` resolves to the peer-suffixed key's component.
  assert.ok(depNames(result, find(result, '@babel/core', '7.13.10').dependsOn).includes('@babel/helper-compilation-targets@7.16.7'));
  assert.ok(depNames(result, find(result, '@babel/helper-compilation-targets', '7.16.7').dependsOn).includes('@babel/core@7.13.10'));
});

test('pnpm v5.3: importers are workspace members linked to each other', async () => {
  const { result } = await readCorpus('cdxgen-v5.3-legacy');
  const ui = find(result, '@test/ui'); // named by the link alias: no package.json in the corpus
  const utils = find(result, '@test/utils');
  const web = find(result, 'packages/web'); // linked by nobody: named by its path
  assert.deepEqual(ui.source, { kind: 'workspace', path: 'packages/ui' });
  assert.equal(ui.type, 'application');
  assert.equal(ui.purl, undefined);
  assert.deepEqual([...ui.dependsOn], [utils.key]);
  assert.deepEqual(new Set(web.dependsOn), new Set([ui.key, utils.key]));
  assert.deepEqual(new Set(result.workspaceMembers), new Set([ui.key, utils.key, web.key]));
  for (const key of [ui.key, utils.key, web.key, find(result, 'react', '17.0.2').key, find(result, 'typescript', '4.5.5').key]) {
    assert.ok(result.rootDependsOn.has(key));
  }
  assert.equal(result.rootDependsOn.size, 14 + 3);
});

// ---------------------------------------------------------------------------------------------------------------
// Corpus: lockfileVersion 6.0 single project.

test('pnpm v6.0 (cdxgen): components, flags, root deps at the top level', async () => {
  const { result, text } = await readCorpus('cdxgen-v6');
  assert.equal(result.components.size, lockedNameVersions(text).size);
  assert.equal(result.components.size, 200);
  assert.equal(result.root.name, 'cdxgen-v6');
  const typescript = find(result, 'typescript', '5.0.2');
  const cdxgen = find(result, '@cyclonedx/cdxgen', '8.2.1');
  assert.equal(typescript.scope, 'required'); // dev: false
  assert.equal(cdxgen.scope, 'excluded'); // dev: true
  assert.equal(find(result, 'unpipe', '1.0.0').scope, 'excluded'); // dev: true, optional: true
  assert.deepEqual(new Set(result.rootDependsOn), new Set([typescript.key, cdxgen.key]));
  assert.equal(cdxgen.purl, 'pkg:npm/%40cyclonedx/cdxgen@8.2.1');
  assert.deepEqual(cdxgen.hashes, [{ alg: 'SHA-512', content: rawIntegrityHex(text, '/@cyclonedx/cdxgen@8.2.1') }]);
  assert.deepEqual(depNames(result, find(result, '@babel/generator', '7.21.3').dependsOn).sort(), [
    '@babel/types@7.21.3',
    '@jridgewell/gen-mapping@0.3.2',
    '@jridgewell/trace-mapping@0.3.17',
    'jsesc@2.5.2',
  ]);
  assert.equal(result.workspaceMembers.size, 0);
  assertClosed(result);
});

// ---------------------------------------------------------------------------------------------------------------
// Corpus: lockfileVersion 9.0.

test('pnpm v9.0 (cdxgen): snapshots of one package are one component with their edges unioned', async () => {
  const { result, text } = await readCorpus('cdxgen-v9a');
  assert.equal(result.components.size, lockedNameVersions(text).size);
  assert.equal(result.components.size, 1005);
  assert.equal(result.root.name, 'cdxgen-v9a');
  const transforms = find(result, '@babel/helper-module-transforms', '7.24.7');
  const cores = depNames(result, transforms.dependsOn).filter((n) => n.startsWith('@babel/core@'));
  assert.deepEqual(cores.sort(), ['@babel/core@7.24.5', '@babel/core@7.24.7']);
  assert.deepEqual(depNames(result, find(result, 'ajv-formats', '3.0.1').dependsOn).sort(), ['ajv@8.13.0', 'ajv@8.16.0']); // optionalDependencies
  assert.deepEqual(depNames(result, result.rootDependsOn).sort(), ['@angular-devkit/build-angular@18.0.4', '@cyclonedx/cdxgen@10.6.2']);
  assert.deepEqual(find(result, '@ampproject/remapping', '2.3.0').hashes, [{ alg: 'SHA-512', content: rawIntegrityHex(text, "'@ampproject/remapping@2.3.0'") }]);
  assertClosed(result);
});

test('pnpm v9.0 (cdxgen): only devDependencies at the root, so every package is excluded', async () => {
  const { result } = await readCorpus('cdxgen-v9a');
  assert.equal(find(result, '@cyclonedx/cdxgen', '10.6.2').scope, 'excluded');
  assert.equal(find(result, 'typescript', '5.4.5').scope, 'excluded');
  assert.deepEqual(new Set([...result.components.values()].map((c) => c.scope)), new Set(['excluded']));
});

test('pnpm v9.0 (vue core): 18 importers, catalogs, members and their links', async () => {
  const { result, text } = await readCorpus('vue-core-v9');
  const members = importerPaths(text);
  assert.equal(members.length, 17);
  assert.equal(result.components.size, lockedNameVersions(text).size + members.length);
  assert.equal(result.root.name, 'vue-core-v9'); // package.json has no name
  assert.equal(result.root.version, '3.5.41');
  assert.equal(result.root.manifest, 'package.json');
  assert.equal(result.workspaceMembers.size, 17);
  const sfc = find(result, '@vue/compiler-sfc');
  assert.deepEqual(sfc.source, { kind: 'workspace', path: 'packages/compiler-sfc' });
  assert.ok(result.workspaceMembers.has(sfc.key));
  assert.ok(result.rootDependsOn.has(sfc.key));
  assert.deepEqual(depNames(result, find(result, 'vue').dependsOn).sort(), [
    '@vue/compiler-dom',
    '@vue/compiler-sfc',
    '@vue/runtime-dom',
    '@vue/server-renderer',
    '@vue/shared',
    'typescript@5.6.3',
  ]);
  // A snapshot's `vue: link:packages/vue` is an edge to the member.
  const pluginVue = find(result, '@vitejs/plugin-vue', '6.0.8');
  assert.ok(depNames(result, pluginVue.dependsOn).includes('vue'));
  assert.ok(depNames(result, pluginVue.dependsOn).includes('vite@8.2.0'));
  assert.equal(pluginVue.purl, 'pkg:npm/%40vitejs/plugin-vue@6.0.8');
  assert.ok(result.rootDependsOn.has(find(result, 'vite', '8.2.0').key));
  assert.deepEqual(result.warnings, []);
  assertClosed(result);
});

test('pnpm v9.0 (vue core): scopes by reachability from every importer', async () => {
  const { result } = await readCorpus('vue-core-v9');
  assert.equal(find(result, 'postcss', '8.5.23').scope, 'required'); // compiler-sfc dependency
  assert.equal(find(result, 'nanoid', '3.3.16').scope, 'required'); // through postcss
  assert.equal(find(result, 'typescript', '5.6.3').scope, 'required'); // packages/vue dependency
  assert.equal(find(result, 'typescript', '6.0.3').scope, 'excluded'); // root devDependency
  assert.equal(find(result, 'sass', '1.102.0').scope, 'excluded'); // devDependency of a member that is required
  assert.equal(find(result, 'esbuild', '0.28.1').scope, 'excluded'); // through vite, a devDependency
  assert.equal(find(result, 'fsevents', '2.3.3').scope, 'excluded'); // optional: true, but only under dev tools
  assert.equal(find(result, '@vue/compiler-sfc').scope, 'required');
  const counts = { required: 0, optional: 0, excluded: 0 };
  for (const c of result.components.values()) counts[c.scope]++;
  assert.deepEqual(counts, { required: 50, optional: 0, excluded: 587 });
});

test('pnpm: two runs give the same result', async () => {
  const dump = (r: LockfileResult): string =>
    JSON.stringify({
      components: [...r.components.values()].map((c) => ({ ...c, dependsOn: [...c.dependsOn] })),
      root: r.root,
      rootDependsOn: [...r.rootDependsOn],
      members: [...r.workspaceMembers],
      warnings: r.warnings,
    });
  const a = await readCorpus('vue-core-v9');
  const b = await readCorpus('vue-core-v9');
  assert.equal(dump(a.result), dump(b.result));
  assert.ok(!dump(a.result).includes(corpus('pnpm')), 'no absolute paths');
});

// ---------------------------------------------------------------------------------------------------------------
// Sources, aliases, local packages (built fixtures).

const V9_SOURCES = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      alias-dep:
        specifier: npm:real-pkg@^1.0.0
        version: real-pkg@1.0.0
      from-git:
        specifier: git+https://example.org/team/from-git.git#abcdef1
        version: git+https://example.org/team/from-git.git#abcdef1234567890abcdef1234567890abcdef12
      hosted:
        specifier: github:owner/hosted
        version: https://codeload.github.com/owner/hosted/tar.gz/0123456789abcdef0123456789abcdef01234567
      private-pkg:
        specifier: ^2.0.0
        version: 2.0.0
      plain-tarball:
        specifier: https://cdn.example.org/plain-tarball-3.0.0.tgz
        version: https://cdn.example.org/plain-tarball-3.0.0.tgz
      local-dir:
        specifier: file:vendor/local-dir
        version: file:vendor/local-dir
      linked:
        specifier: link:tools/linked
        version: link:tools/linked
      peer-user:
        specifier: ^1.0.0
        version: 1.0.0(peer-a@1.0.0)
    optionalDependencies:
      opt-only:
        specifier: ^1.0.0
        version: 1.0.0
    devDependencies:
      peer-user-dev:
        specifier: ^1.0.0
        version: 1.0.0(peer-a@2.0.0)
      missing-one:
        specifier: ^9.0.0
        version: 9.9.9

  packages/app:
    dependencies:
      lib:
        specifier: workspace:*
        version: link:../lib
      real-pkg:
        specifier: ^1.0.0
        version: 1.0.0

  packages/lib:
    devDependencies:
      peer-a:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  real-pkg@1.0.0:
    resolution: {integrity: ${SHA}}

  from-git@git+https://example.org/team/from-git.git#abcdef1234567890abcdef1234567890abcdef12:
    resolution: {commit: abcdef1234567890abcdef1234567890abcdef12, repo: https://example.org/team/from-git.git, type: git}
    version: 1.2.3

  hosted@https://codeload.github.com/owner/hosted/tar.gz/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/owner/hosted/tar.gz/0123456789abcdef0123456789abcdef01234567}
    version: 0.1.0

  private-pkg@2.0.0:
    resolution: {integrity: ${SHA}, tarball: https://npm.example.com/private-pkg/-/private-pkg-2.0.0.tgz}

  plain-tarball@https://cdn.example.org/plain-tarball-3.0.0.tgz:
    resolution: {integrity: ${SHA}, tarball: https://cdn.example.org/plain-tarball-3.0.0.tgz}
    version: 3.0.0

  local-dir@file:vendor/local-dir:
    resolution: {directory: vendor/local-dir, type: directory}
    version: 0.0.1

  peer-user@1.0.0:
    resolution: {integrity: ${SHA}}
    peerDependencies:
      peer-a: '*'

  peer-a@1.0.0:
    resolution: {integrity: ${SHA}}

  peer-a@2.0.0:
    resolution: {integrity: ${SHA}}

  opt-only@1.0.0:
    resolution: {integrity: ${SHA}}

  fsevents@2.3.3:
    resolution: {integrity: ${SHA}}

snapshots:

  real-pkg@1.0.0: {}

  from-git@git+https://example.org/team/from-git.git#abcdef1234567890abcdef1234567890abcdef12: {}

  hosted@https://codeload.github.com/owner/hosted/tar.gz/0123456789abcdef0123456789abcdef01234567: {}

  private-pkg@2.0.0:
    optionalDependencies:
      fsevents: 2.3.3

  plain-tarball@https://cdn.example.org/plain-tarball-3.0.0.tgz: {}

  local-dir@file:vendor/local-dir:
    dependencies:
      real-pkg: 1.0.0

  peer-user@1.0.0(peer-a@1.0.0):
    dependencies:
      peer-a: 1.0.0

  peer-user@1.0.0(peer-a@2.0.0):
    dependencies:
      peer-a: 2.0.0
      ghost: 4.0.0

  peer-a@1.0.0: {}

  peer-a@2.0.0: {}

  opt-only@1.0.0: {}

  fsevents@2.3.3:
    optional: true
`;

const V9_FILES = {
  'package.json': JSON.stringify({ name: 'sources-demo', version: '1.0.0', license: 'Apache-2.0', description: 'fixture' }),
  'packages/app/package.json': JSON.stringify({ name: '@demo/app', version: '0.3.0', license: 'MIT' }),
};

test('pnpm v9: git, git-hosted, registry, tarball, directory and link sources', async () => {
  const result = await parseLock(V9_SOURCES, V9_FILES);
  assert.deepEqual(find(result, 'from-git', '1.2.3').source, {
    kind: 'git',
    url: 'https://example.org/team/from-git.git',
    commit: 'abcdef1234567890abcdef1234567890abcdef12',
  });
  assert.equal(find(result, 'from-git').purl, 'pkg:npm/from-git@1.2.3?vcs_url=git%2Bhttps://example.org/team/from-git.git%40abcdef1234567890abcdef1234567890abcdef12');
  assert.deepEqual(find(result, 'hosted', '0.1.0').source, { kind: 'git', url: 'https://github.com/owner/hosted.git', commit: '0123456789abcdef0123456789abcdef01234567' });
  const privatePkg = find(result, 'private-pkg', '2.0.0');
  assert.deepEqual(privatePkg.source, { kind: 'registry', url: 'https://npm.example.com' });
  assert.equal(privatePkg.purl, 'pkg:npm/private-pkg@2.0.0?repository_url=https://npm.example.com');
  assert.deepEqual(privatePkg.hashes, [{ alg: 'SHA-512', content: SHA_HEX }]);
  const tarball = find(result, 'plain-tarball', '3.0.0');
  assert.deepEqual(tarball.source, { kind: 'url', url: 'https://cdn.example.org/plain-tarball-3.0.0.tgz' });
  assert.equal(tarball.purl, 'pkg:npm/plain-tarball@3.0.0?download_url=https://cdn.example.org/plain-tarball-3.0.0.tgz');
  const localDir = find(result, 'local-dir', '0.0.1');
  assert.deepEqual(localDir.source, { kind: 'path', path: 'vendor/local-dir' });
  assert.equal(localDir.type, 'application');
  assert.equal(localDir.purl, undefined);
  assert.ok(result.workspaceMembers.has(localDir.key));
  assert.deepEqual(depNames(result, localDir.dependsOn), ['real-pkg@1.0.0']);
  const linked = find(result, 'linked');
  assert.deepEqual(linked.source, { kind: 'path', path: 'tools/linked' });
  assert.ok(result.workspaceMembers.has(linked.key));
  assert.ok(result.rootDependsOn.has(linked.key));
  assertClosed(result);
});

test('pnpm v9: aliases resolve to the real package; peer variants are one component', async () => {
  const result = await parseLock(V9_SOURCES, V9_FILES);
  assert.equal([...result.components.values()].filter((c) => c.name === 'alias-dep').length, 0);
  const real = find(result, 'real-pkg', '1.0.0');
  assert.equal(real.purl, 'pkg:npm/real-pkg@1.0.0');
  assert.ok(result.rootDependsOn.has(real.key));
  const peerUser = find(result, 'peer-user', '1.0.0');
  assert.deepEqual(depNames(result, peerUser.dependsOn).sort(), ['peer-a@1.0.0', 'peer-a@2.0.0']);
  assert.ok(result.warnings.some((w) => w.includes('snapshots["peer-user@1.0.0(peer-a@2.0.0)"].dependencies.ghost') && w.includes('ghost@4.0.0, which is not locked')));
  assert.ok(result.warnings.some((w) => w.includes('missing-one@9.9.9')));
});

test('pnpm v9: workspace members named from their package.json; root from package.json', async () => {
  const result = await parseLock(V9_SOURCES, V9_FILES);
  assert.deepEqual(result.root, {
    name: 'sources-demo',
    version: '1.0.0',
    description: 'fixture',
    licenses: [{ kind: 'id', id: 'Apache-2.0' }],
    ecosystem: 'npm',
    manifest: 'package.json',
  });
  const app = find(result, '@demo/app', '0.3.0');
  const lib = find(result, 'lib'); // no package.json: the name it is linked under
  assert.deepEqual(app.source, { kind: 'workspace', path: 'packages/app' });
  assert.deepEqual(app.licenses, [{ kind: 'id', id: 'MIT' }]);
  assert.deepEqual(lib.source, { kind: 'workspace', path: 'packages/lib' });
  assert.deepEqual(depNames(result, app.dependsOn).sort(), ['lib', 'real-pkg@1.0.0']);
  assert.deepEqual(depNames(result, lib.dependsOn), ['peer-a@2.0.0']);
  assert.ok(result.rootDependsOn.has(app.key) && result.rootDependsOn.has(lib.key));
  assert.equal(result.carriesLicenses, false);
});

test('pnpm v9: reachability scopes with optional groups and optional snapshots', async () => {
  const result = await parseLock(V9_SOURCES, V9_FILES);
  assert.equal(find(result, 'real-pkg', '1.0.0').scope, 'required');
  assert.equal(find(result, 'opt-only', '1.0.0').scope, 'optional'); // root optionalDependencies
  assert.equal(find(result, 'fsevents', '2.3.3').scope, 'optional'); // snapshot optional: true under a required package
  assert.equal(find(result, 'peer-user', '1.0.0').scope, 'required'); // strongest of dependencies and devDependencies
  assert.equal(find(result, 'peer-a', '1.0.0').scope, 'required');
  assert.equal(find(result, 'peer-a', '2.0.0').scope, 'required'); // via the peer variants' union
  assert.equal(find(result, '@demo/app').scope, 'required');
});

test('pnpm: an unreadable package.json is a warning, not a failure', async () => {
  const result = await parseLock(V9_SOURCES, { 'package.json': '{ not json', 'packages/app/package.json': '[1]' });
  assert.ok(result.warnings.includes('package.json: not a JSON object; ignored'));
  assert.ok(result.warnings.includes('packages/app/package.json: not a JSON object; ignored'));
  assert.equal(result.root.manifest, undefined);
  assert.equal(find(result, 'packages/app').version, undefined); // linked by nobody: named by its path
});

test('pnpm v9: a lockfile in a subdirectory gives project-relative paths', async () => {
  const { dir, cleanup } = project({ 'web/pnpm-lock.yaml': V9_SOURCES, 'web/package.json': V9_FILES['package.json'] });
  try {
    const result = await readLockfile(dir, 'web/pnpm-lock.yaml');
    assert.equal(result.lockfile, 'web/pnpm-lock.yaml');
    assert.equal(result.root.manifest, 'web/package.json');
    assert.deepEqual(find(result, 'lib').source, { kind: 'workspace', path: 'web/packages/lib' });
    assert.deepEqual(find(result, 'local-dir').source, { kind: 'path', path: 'web/vendor/local-dir' });
    assert.ok(!JSON.stringify([...result.components.values()]).includes(dir));
  } finally {
    cleanup();
  }
});

test('pnpm v9: a scope-less v9 lockfile with unreachable packages warns', async () => {
  const result = await parseLock(`lockfileVersion: '9.0'\nimporters:\n  .: {}\npackages:\n  orphan@1.0.0:\n    resolution: {integrity: ${SHA}}\nsnapshots:\n  orphan@1.0.0: {}\n`);
  assert.equal(find(result, 'orphan', '1.0.0').scope, 'excluded');
  assert.ok(result.warnings.some((w) => w.includes('not reachable')));
});

test('pnpm 11+: a two-document lockfile reads the project document and the env document', async () => {
  const env = `---\nlockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    configDependencies: {}\n    packageManagerDependencies:\n      pnpm:\n        specifier: 11.0.0\n        version: 11.0.0\n\npackages:\n\n  pnpm@11.0.0:\n    resolution: {integrity: ${SHA}}\n\nsnapshots:\n\n  pnpm@11.0.0: {}\n\n`;
  const main = `---\nlockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      react:\n        specifier: ^19.0.0\n        version: 19.0.0\n\npackages:\n\n  react@19.0.0:\n    resolution: {integrity: ${SHA}}\n\nsnapshots:\n\n  react@19.0.0: {}\n`;
  const result = await parseLock(env + main);
  const react = find(result, 'react', '19.0.0');
  const pnpm = find(result, 'pnpm', '11.0.0');
  assert.equal(react.scope, 'required');
  assert.equal(pnpm.scope, 'excluded');
  assert.deepEqual(pnpm.properties, [['cdx:pnpm:env-lockfile', 'true']]);
  assert.deepEqual(react.properties, []);
  assert.ok(result.rootDependsOn.has(react.key) && result.rootDependsOn.has(pnpm.key));
  // Errors in the second document keep file line numbers.
  const broken = await parseError(env + main.replace('version: 19.0.0', 'version: [19]'));
  const line = (env + main).split('\n').findIndex((l) => l.includes('version: 19.0.0')) + 1;
  assert.match(broken.message, new RegExp(`^pnpm-lock\\.yaml:${line}\\b`));
});

// ---------------------------------------------------------------------------------------------------------------
// Older families (built fixtures).

test('pnpm v6: single project with a git-hosted key, an alias and flags', async () => {
  const lock = `lockfileVersion: '6.0'

dependencies:
  is-positive:
    specifier: github:kevva/is-positive
    version: github.com/kevva/is-positive/97edff6f525f192a3f83cea1944765f769ae2678
  my-alias:
    specifier: npm:left-pad@1.3.0
    version: /left-pad@1.3.0

optionalDependencies:
  opt-native:
    specifier: ^1.0.0
    version: 1.0.0

packages:

  github.com/kevva/is-positive/97edff6f525f192a3f83cea1944765f769ae2678:
    resolution: {tarball: https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f525f192a3f83cea1944765f769ae2678}
    name: is-positive
    version: 3.1.0
    dev: false

  /left-pad@1.3.0:
    resolution: {integrity: ${SHA}}
    dev: false

  /opt-native@1.0.0:
    resolution: {integrity: ${SHA}}
    dev: false
    optional: true
`;
  const result = await parseLock(lock);
  assert.equal(result.components.size, 3);
  const hosted = find(result, 'is-positive', '3.1.0');
  assert.deepEqual(hosted.source, { kind: 'git', url: 'https://github.com/kevva/is-positive.git', commit: '97edff6f525f192a3f83cea1944765f769ae2678' });
  assert.equal(hosted.scope, 'required');
  assert.equal(find(result, 'left-pad', '1.3.0').scope, 'required');
  assert.equal(find(result, 'opt-native', '1.0.0').scope, 'optional');
  assert.deepEqual(depNames(result, result.rootDependsOn).sort(), ['is-positive@3.1.0', 'left-pad@1.3.0', 'opt-native@1.0.0']);
});

test('pnpm v6: without dev flags, scopes come from reachability', async () => {
  const lock = `lockfileVersion: '6.0'\n\ndevDependencies:\n  a:\n    specifier: ^1.0.0\n    version: 1.0.0(b@1.0.0)\n\npackages:\n\n  /a@1.0.0(b@1.0.0):\n    resolution: {integrity: ${SHA}}\n    dependencies:\n      b: 1.0.0\n\n  /b@1.0.0:\n    resolution: {integrity: ${SHA}}\n`;
  const result = await parseLock(lock);
  assert.equal(find(result, 'a', '1.0.0').scope, 'excluded');
  assert.equal(find(result, 'b', '1.0.0').scope, 'excluded');
  assert.deepEqual(depNames(result, find(result, 'a').dependsOn), ['b@1.0.0']);
});

test('pnpm v5.4: top-level root, tarball key, file: directory, peer variants merged', async () => {
  const lock = `lockfileVersion: 5.4

specifiers:
  some-pkg: https://some-url/pkg.tar.gz
  my-local-pkg: file:../libs/my-local-pkg
  react: '*'
  ui-kit: ^1.0.0

dependencies:
  some-pkg: '@some-url/pkg.tar.gz'
  my-local-pkg: file:../libs/my-local-pkg
  ui-kit: 1.0.0_react@18.1.0

devDependencies:
  react: 18.1.0
  ui-kit-old: /ui-kit/1.0.0_react@17.0.0

packages:

  '@some-url/pkg.tar.gz':
    resolution: {tarball: https://some-url/pkg.tar.gz}
    name: some-pkg
    version: 1.0.0
    dev: false

  file:../libs/my-local-pkg:
    resolution: {directory: ../libs/my-local-pkg, type: directory}
    name: unifier
    version: 1.0.0
    dependencies:
      loose-envify: 1.4.0
    dev: false

  /loose-envify/1.4.0:
    resolution: {integrity: ${SHA}}
    dev: false

  /react/18.1.0:
    resolution: {integrity: ${SHA}}
    dev: true

  /react/17.0.0:
    resolution: {integrity: ${SHA}}
    dev: true

  /ui-kit/1.0.0_react@18.1.0:
    resolution: {integrity: ${SHA}}
    dependencies:
      react: 18.1.0
    dev: false

  /ui-kit/1.0.0_react@17.0.0:
    resolution: {integrity: ${SHA}}
    dependencies:
      react: 17.0.0
    dev: true
`;
  const result = await parseLock(lock);
  assert.equal(result.components.size, 6);
  assert.deepEqual(find(result, 'some-pkg', '1.0.0').source, { kind: 'url', url: 'https://some-url/pkg.tar.gz' });
  const local = find(result, 'unifier', '1.0.0');
  assert.deepEqual(local.source, { kind: 'path', path: '../libs/my-local-pkg' });
  assert.deepEqual(depNames(result, local.dependsOn), ['loose-envify@1.4.0']);
  const uiKit = find(result, 'ui-kit', '1.0.0');
  assert.equal(uiKit.scope, 'required'); // dev: false variant wins over the dev: true one
  assert.deepEqual(depNames(result, uiKit.dependsOn).sort(), ['react@17.0.0', 'react@18.1.0']);
  assert.equal(find(result, 'react', '18.1.0').scope, 'excluded'); // the lockfile says dev: true
  assert.equal(result.rootDependsOn.size, 4); // ui-kit and ui-kit-old (an alias) are one component
  assertClosed(result);
});

test('pnpm v5.4-inlineSpecifiers: v5 keys with { specifier, version } importers', async () => {
  const lock = `lockfileVersion: 5.4-inlineSpecifiers\n\nimporters:\n\n  .:\n    dependencies:\n      '@scope/a':\n        specifier: ^1.0.0\n        version: 1.0.0_b@2.0.0\n\n  packages/x:\n    devDependencies:\n      b:\n        specifier: ^2.0.0\n        version: 2.0.0\n\npackages:\n\n  /@scope/a/1.0.0_b@2.0.0:\n    resolution: {integrity: ${SHA}}\n    dependencies:\n      b: 2.0.0\n    dev: false\n\n  /b/2.0.0:\n    resolution: {integrity: ${SHA}}\n`;
  const result = await parseLock(lock);
  const a = find(result, '@scope/a', '1.0.0');
  assert.equal(a.purl, 'pkg:npm/%40scope/a@1.0.0');
  assert.equal(a.scope, 'required');
  assert.equal(find(result, 'b', '2.0.0').scope, 'required'); // no dev flag: prod and dev
  assert.deepEqual(depNames(result, a.dependsOn), ['b@2.0.0']);
  assert.deepEqual(depNames(result, find(result, 'packages/x').dependsOn), ['b@2.0.0']);
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input.

test('pnpm: invalid YAML names the file and line', async () => {
  const error = await parseError(`lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: {a: [\n`);
  assert.equal(error.code, 'LOCKFILE_INVALID');
  assert.match(error.message, /^pnpm-lock\.yaml:\d+/);
  assert.ok(error.location.line !== undefined);
});

test('pnpm: a truncated lockfile is rejected with its line', async () => {
  const full = readFileSync(corpus('pnpm', 'cdxgen-v6', 'pnpm-lock.yaml'), 'utf8');
  const cut = full.indexOf('resolution: {integrity: sha512-', 2000) + 40;
  const error = await parseError(full.slice(0, cut));
  assert.equal(error.code, 'LOCKFILE_INVALID');
  assert.ok((error.location.line ?? 0) > 1);
});

test('pnpm: unsupported lockfile versions list the supported ones', async () => {
  for (const version of ["'3'", "'10.0'", '4.0', "'7.0'"]) {
    const error = await parseError(`lockfileVersion: ${version}\nimporters: {}\n`);
    assert.equal(error.code, 'LOCKFILE_UNSUPPORTED', version);
    assert.match(error.message, /^pnpm-lock\.yaml:1\b/);
    assert.match(error.message, /supported: 5\.0, .*6\.0, .*9\.0/);
  }
  const missing = await parseError(`importers: {}\n`);
  assert.equal(missing.code, 'LOCKFILE_INVALID');
  assert.match(missing.message, /missing lockfileVersion/);
  const empty = await parseError('');
  assert.match(empty.message, /empty/);
});

test('pnpm: duplicate keys are LOCKFILE_DUPLICATE with a line', async () => {
  const lock = `lockfileVersion: '9.0'\nimporters:\n  .: {}\npackages:\n  a@1.0.0:\n    resolution: {integrity: ${SHA}}\n  a@1.0.0:\n    resolution: {integrity: ${SHA}}\n`;
  const error = await parseError(lock);
  assert.equal(error.code, 'LOCKFILE_DUPLICATE');
  assert.equal(error.location.line, 7);
  assert.match(error.message, /^pnpm-lock\.yaml:7/);
});

test('pnpm: wrong types name the key path and line', async () => {
  const packagesList = await parseError(`lockfileVersion: '9.0'\nimporters: {}\npackages:\n  - a@1.0.0\n`);
  assert.equal(packagesList.code, 'LOCKFILE_INVALID');
  assert.equal(packagesList.location.path, 'packages');
  assert.equal(packagesList.location.line, 3);

  const integrity = await parseError(`lockfileVersion: '9.0'\nimporters: {}\npackages:\n  a@1.0.0:\n    resolution: {integrity: 42}\n`);
  assert.equal(integrity.location.path, 'packages["a@1.0.0"].resolution.integrity');
  assert.equal(integrity.location.line, 5);

  const importerVersion = await parseError(`lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: {x: 1}\n`);
  assert.equal(importerVersion.location.path, 'importers["."].dependencies.a.version');
  assert.equal(importerVersion.location.line, 7);

  const v5Ref = await parseError(`lockfileVersion: 5.3\ndependencies:\n  a: [1]\npackages: {}\n`);
  assert.equal(v5Ref.location.path, 'dependencies.a');

  const flag = await parseError(`lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    resolution: {integrity: ${SHA}}\n    dev: 'yes'\n`);
  assert.equal(flag.location.path, 'packages["/a@1.0.0"].dev');
  assert.equal(flag.location.line, 5);

  const noName = await parseError(`lockfileVersion: '6.0'\npackages:\n  github.com/a/b/0123456789abcdef0123456789abcdef01234567:\n    resolution: {tarball: https://codeload.github.com/a/b/tar.gz/0123456789abcdef0123456789abcdef01234567}\n`);
  assert.match(noName.message, /package name/);
  assert.equal(noName.location.line, 3);

  const topLevel = await parseError(`- lockfileVersion\n`);
  assert.match(topLevel.message, /top level/);
});

test('pnpm: hostile keys do not crash the parser', async () => {
  const result = await parseLock(
    `lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      __proto__:\n        specifier: '1'\n        version: 1.0.0\npackages:\n  __proto__@1.0.0:\n    resolution: {integrity: not-an-sri}\n  constructor@1.0.0: {}\nsnapshots:\n  __proto__@1.0.0:\n    dependencies:\n      constructor: 1.0.0\n`,
  );
  const proto = find(result, '__proto__', '1.0.0');
  assert.deepEqual(proto.hashes, []);
  assert.deepEqual(depNames(result, proto.dependsOn), ['constructor@1.0.0']);
  assert.ok(result.rootDependsOn.has(proto.key));
});
