import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { RequirementsSource } from '../../../src/sbom/sources/requirements/requirements-source.js';
import { corpus, tempDir } from '../../helpers/shared.js';

// ---------------------------------------------------------------------------------------------------------------
// Independent helpers: plain regex passes over the raw files, never the parser under test.

const norm = (name: string): string => name.replace(/[-_.]+/g, '-').toLowerCase();

/** Unique normalised-name@version of `name==version` / `name[extras]==version` lines. */
function pinnedLines(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)/gm)) out.add(`${norm(m[1] as string)}@${m[2] as string}`);
  return out;
}

/** Unique sha256 digests given with --hash. */
function hashDigests(text: string): Set<string> {
  return new Set([...text.matchAll(/--hash=sha256:([0-9a-f]{64})/g)].map((m) => m[1] as string));
}

function byName(result: LockfileResult, name: string): Component[] {
  return [...result.components.values()].filter((c) => norm(c.name) === norm(name));
}

function one(result: LockfileResult, name: string): Component {
  const found = byName(result, name);
  assert.equal(found.length, 1, `expected exactly one component named ${name}, got ${found.length}`);
  return found[0] as Component;
}

function prop(component: Component, name: string): string[] {
  return component.properties.filter(([n]) => n === name).map(([, v]) => v);
}

function refDigests(result: LockfileResult): string[] {
  return [...result.components.values()].flatMap((c) => c.externalReferences.flatMap((r) => (r.hashes ?? []).map((h) => h.content)));
}

/** Checks shared by every corpus file: counts, scopes, flat graph, no absolute paths. */
function assertFlatResult(result: LockfileResult, lockfile: string): void {
  assert.equal(result.format, 'requirements');
  assert.equal(result.lockfile, lockfile);
  assert.deepEqual([...result.rootDependsOn].sort(), [...result.components.keys()].sort());
  for (const c of result.components.values()) {
    assert.equal(c.scope, 'required', c.name);
    assert.equal(c.dependsOn.size, 0, c.name);
    assert.deepEqual(prop(c, 'cdx:pip:file'), [lockfile], c.name);
  }
  assert.equal(result.workspaceMembers.size, 0);
  assert.equal(result.carriesLicenses, false);
  assert.ok(result.warnings.some((w) => w.includes('record no dependency graph')));
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

test('requirements: warehouse requirements/main.txt (pip-compile --generate-hashes)', async () => {
  const dir = corpus('python-requirements', 'warehouse');
  const raw = readFileSync(join(dir, 'requirements/main.txt'), 'utf8');
  const result = await readLockfile(dir, 'requirements/main.txt');
  assertFlatResult(result, 'requirements/main.txt');
  const expected = pinnedLines(raw);
  assert.equal(expected.size, 184);
  assert.equal(result.components.size, expected.size);
  assert.deepEqual(new Set([...result.components.values()].map((c) => `${norm(c.name)}@${c.version ?? ''}`)), expected);
  assert.equal(result.root.name, 'warehouse');
  assert.equal(result.root.manifest, undefined);

  const alembic = one(result, 'alembic');
  assert.equal(alembic.version, '1.18.5');
  assert.equal(alembic.purl, 'pkg:pypi/alembic@1.18.5');
  assert.deepEqual(
    alembic.externalReferences.map((r) => [r.type, r.url, r.hashes?.[0]?.alg, r.hashes?.[0]?.content]),
    [
      ['distribution', 'https://pypi.org/simple/alembic/', 'SHA-256', '06d8ba9d04558022f5395e9317de03d270f3dced49cee01f89fe7a13c26f14bc'],
      ['distribution', 'https://pypi.org/simple/alembic/', 'SHA-256', '1554982221dd17e9a749b53902407578eb305e453f71999e8c7f0a48389fff8e'],
    ],
  );
  assert.equal(alembic.hashes.length, 0, 'per-file digests go on references, not on the component');
  assert.equal(alembic.externalReferences[0]?.comment, 'digest of one of the files listed on this index page');

  const celery = one(result, 'celery');
  assert.equal(celery.version, '5.6.3');
  assert.deepEqual(prop(celery, 'cdx:pip:extras'), ['redis']);
  assert.equal(celery.externalReferences[0]?.hashes?.[0]?.content, '0808f42f80909c4d5833202360ffafb2a4f83f4d8e23e1285d926610e9a7afa6');
  assert.equal(one(result, 'celery-redbeat').purl, 'pkg:pypi/celery-redbeat@2.3.3');
  assert.deepEqual(prop(one(result, 'psycopg'), 'cdx:pip:extras'), ['binary']);

  // Every digest in the file lands on exactly one reference.
  const digests = refDigests(result);
  assert.equal(digests.length, 2089);
  assert.deepEqual(new Set(digests), hashDigests(raw));
  // Fully pinned: no unpinned warnings.
  assert.ok(!result.warnings.some((w) => w.includes('not pinned')));
});

test('requirements: warehouse requirements/deploy.txt', async () => {
  const dir = corpus('python-requirements', 'warehouse');
  const raw = readFileSync(join(dir, 'requirements/deploy.txt'), 'utf8');
  const result = await readLockfile(dir, 'requirements/deploy.txt');
  assertFlatResult(result, 'requirements/deploy.txt');
  assert.equal(result.components.size, pinnedLines(raw).size);
  assert.equal(result.components.size, 8);
  const ddtrace = one(result, 'ddtrace');
  assert.equal(ddtrace.version, '4.10.5');
  assert.equal(ddtrace.purl, 'pkg:pypi/ddtrace@4.10.5');
  assert.equal(ddtrace.externalReferences[0]?.hashes?.[0]?.content, '02523680e57b2d38dec73d36a59ba06799f1b7b459a807ff7e78b8de9dd38608');
  assert.ok(ddtrace.externalReferences.every((r) => r.url === 'https://pypi.org/simple/ddtrace/'));
  assert.equal(one(result, 'bytecode').version, '0.18.1');
  assert.equal(refDigests(result).length, 155);
  assert.deepEqual(new Set(refDigests(result)), hashDigests(raw));
});

test('requirements: cdxgen chen-science (markers, extras, local versions, extra index URLs)', async () => {
  const dir = corpus('python-requirements', 'cdxgen-chen-science');
  const raw = readFileSync(join(dir, 'requirements.txt'), 'utf8');
  const result = await readLockfile(dir, 'requirements.txt');
  assertFlatResult(result, 'requirements.txt');
  const expected = pinnedLines(raw);
  // 88 requirement lines, networkx named twice at the same pin (once with extras): 87 components.
  assert.equal(expected.size, 87);
  assert.equal(result.components.size, expected.size);
  assert.equal(result.root.name, 'cdxgen-chen-science');

  const networkx = one(result, 'networkx');
  assert.equal(networkx.version, '3.1');
  assert.deepEqual(prop(networkx, 'cdx:pip:extras'), ['default,extra']);
  assert.deepEqual(prop(networkx, 'cdx:pip:markers'), ['python_full_version >= "3.8.1" and python_version < "3.12"']);

  const torch = one(result, 'torch');
  assert.equal(torch.version, '2.0.1+cpu');
  assert.equal(torch.purl, 'pkg:pypi/torch@2.0.1%2Bcpu');
  assert.equal(one(result, 'pyg-lib').version, '0.2.0+pt20cpu');
  assert.deepEqual(prop(one(result, 'torch-scatter'), 'cdx:pip:markers'), [
    'python_full_version >= "3.8.1" and python_version < "3.12" and (sys_platform == "linux" or sys_platform == "darwin")',
  ]);

  // Extra indexes are global in pip and do not say which package comes from where: warned, purls unqualified.
  assert.ok(result.warnings.some((w) => w.startsWith('requirements.txt:1: --extra-index-url https://data.pyg.org/whl/torch-2.0.0+cpu.html')));
  assert.ok(result.warnings.some((w) => w.startsWith('requirements.txt:2: --extra-index-url https://download.pytorch.org/whl/cpu')));
  assert.ok([...result.components.values()].every((c) => c.purl !== undefined && !c.purl.includes('repository_url')));

  const digests = refDigests(result);
  assert.equal(digests.length, 1066); // 1068 --hash lines, networkx's two digests given twice
  assert.deepEqual(new Set(digests), hashDigests(raw));
});

test('requirements: hotpass unpinned requirements are listed without versions, with warnings', async () => {
  const dir = corpus('python-requirements', 'hotpass-unpinned');
  const raw = readFileSync(join(dir, 'requirements.txt'), 'utf8');
  const result = await readLockfile(dir, 'requirements.txt');
  assertFlatResult(result, 'requirements.txt');
  const rangeLines = [...raw.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*)(>=[^\s]+)$/gm)];
  assert.equal(rangeLines.length, 16);
  assert.equal(pinnedLines(raw).size, 0);
  assert.equal(result.components.size, rangeLines.length);
  for (const c of result.components.values()) {
    assert.equal(c.version, undefined, c.name);
    assert.ok(c.purl !== undefined && !c.purl.includes('@'), c.purl);
    assert.equal(c.externalReferences.length, 0);
  }
  const pandas = one(result, 'pandas');
  assert.equal(pandas.purl, 'pkg:pypi/pandas');
  assert.deepEqual(prop(pandas, 'cdx:pip:specifier'), ['>=2.0.0']);
  assert.deepEqual(prop(one(result, 'great-expectations'), 'cdx:pip:specifier'), ['>=0.18.0']);
  const unpinned = result.warnings.filter((w) => w.includes('is not pinned'));
  assert.equal(unpinned.length, 16);
  assert.ok(unpinned[0]?.startsWith('requirements.txt:1: "pandas>=2.0.0"'));
  assert.ok(unpinned[15]?.startsWith('requirements.txt:16: "pyyaml>=6.0.0"'));
  assert.equal(result.root.name, 'hotpass-unpinned');
});

test('requirements: the source matches requirements*.txt and requirements/*.txt only', () => {
  assert.ok(RequirementsSource.matches('requirements.txt', 'requirements.txt'));
  assert.ok(RequirementsSource.matches('requirements-dev.txt', 'sub/requirements-dev.txt'));
  assert.ok(RequirementsSource.matches('main.txt', 'requirements/main.txt'));
  assert.ok(!RequirementsSource.matches('notes.txt', 'docs/notes.txt'));
  assert.ok(!RequirementsSource.matches('requirements.in', 'requirements.in'));
});

// ---------------------------------------------------------------------------------------------------------------
// Fixtures built in temp dirs

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const SHA_C = 'c'.repeat(64);

async function withProject(files: Record<string, string | Buffer>, lockfile: string, run: (result: LockfileResult, dir: string) => void | Promise<void>): Promise<void> {
  const { dir, cleanup } = tempDir();
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    await run(await readLockfile(dir, lockfile), dir);
  } finally {
    cleanup();
  }
}

async function parseError(files: Record<string, string | Buffer>, lockfile: string): Promise<LockfileError> {
  const { dir, cleanup } = tempDir();
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    try {
      await readLockfile(dir, lockfile);
    } catch (error) {
      assert.ok(error instanceof LockfileError, `expected a LockfileError, got ${String(error)}`);
      return error;
    }
    assert.fail('expected a LockfileError');
  } finally {
    cleanup();
  }
}

const PYPROJECT = '[project]\nname = "demo-app"\nversion = "1.4.0"\ndescription = "A demo"\nlicense = "MIT"\n';

test('requirements: -r and -c includes, constraints pin only named requirements, pyproject root', async () => {
  await withProject(
    {
      'pyproject.toml': PYPROJECT,
      'requirements.txt': [
        '# top-level file',
        '-r requirements/base.txt',
        '--constraint constraints.txt',
        'requests  # pinned by the constraints file',
        `flask==3.0.0 --hash=sha256:${SHA_A}`,
      ].join('\n'),
      'requirements/base.txt': '\uFEFF' + [`flask==3.0.0 \\`, `    --hash=sha256:${SHA_A} \\`, `    --hash=sha256:${SHA_B}`, 'click>=8,<9'].join('\r\n'),
      'constraints.txt': [`requests==2.31.0 --hash=sha256:${SHA_C}`, 'django==5.0'].join('\n'),
    },
    'requirements.txt',
    (result) => {
      assert.equal(result.components.size, 3);
      assert.deepEqual(byName(result, 'django'), [], 'a constraint adds no component');
      const flask = one(result, 'flask');
      assert.equal(flask.version, '3.0.0');
      assert.deepEqual(prop(flask, 'cdx:pip:file'), ['requirements.txt', 'requirements/base.txt']);
      assert.deepEqual(flask.externalReferences.map((r) => r.hashes?.[0]?.content), [SHA_A, SHA_B]);
      const requests = one(result, 'requests');
      assert.equal(requests.version, '2.31.0');
      assert.equal(requests.purl, 'pkg:pypi/requests@2.31.0');
      assert.deepEqual(prop(requests, 'cdx:pip:constraint'), ['constraints.txt:1']);
      assert.equal(requests.externalReferences[0]?.hashes?.[0]?.content, SHA_C);
      const click = one(result, 'click');
      assert.equal(click.version, undefined);
      assert.deepEqual(prop(click, 'cdx:pip:specifier'), ['>=8,<9']);
      assert.ok(result.warnings.some((w) => w.startsWith('requirements/base.txt:4: "click>=8,<9" is not pinned')));
      assert.ok(!result.warnings.some((w) => w.includes('"requests')), 'a constrained requirement is pinned');
      assert.deepEqual(result.root, { name: 'demo-app', version: '1.4.0', description: 'A demo', licenses: [{ kind: 'id', id: 'MIT' }], ecosystem: 'pypi', manifest: 'pyproject.toml' });
      assert.ok(!result.warnings.some((w) => w.includes('no pyproject.toml')));
    },
  );
});

test('requirements: requirements/*.txt finds pyproject.toml one directory up and includes relative to the file', async () => {
  await withProject(
    {
      'pyproject.toml': PYPROJECT,
      'requirements/dev.txt': '-r base.txt\npytest==8.3.0\n',
      'requirements/base.txt': 'attrs==23.1.0\n',
    },
    'requirements/dev.txt',
    (result) => {
      assert.equal(result.root.name, 'demo-app');
      assert.equal(result.root.manifest, 'pyproject.toml');
      assert.deepEqual(prop(one(result, 'attrs'), 'cdx:pip:file'), ['requirements/base.txt']);
      assert.deepEqual(prop(one(result, 'pytest'), 'cdx:pip:file'), ['requirements/dev.txt']);
      assert.equal(one(result, 'pytest').scope, 'required', 'file names do not decide scope');
    },
  );
});

test('requirements: the same pin twice is one component; marker-split pins are two', async () => {
  await withProject(
    {
      'requirements.txt': [
        'Foo_Bar==1.0',
        'foo-bar[x]==1.0',
        'numpy==1.24.4 ; python_version < "3.9"',
        "numpy==1.26.0 ; python_version >= '3.9'",
        'foo.bar>=0.5',
      ].join('\n'),
    },
    'requirements.txt',
    (result) => {
      assert.equal(one(result, 'foo-bar').name, 'Foo_Bar');
      assert.equal(one(result, 'foo-bar').purl, 'pkg:pypi/foo-bar@1.0');
      assert.deepEqual(prop(one(result, 'foo-bar'), 'cdx:pip:extras'), ['x']);
      const numpy = byName(result, 'numpy').map((c) => c.version).sort();
      assert.deepEqual(numpy, ['1.24.4', '1.26.0']);
      assert.equal(result.components.size, 3);
      assert.deepEqual(prop(one(result, 'foo-bar'), 'cdx:pip:specifier'), [], 'a range beside a pin adds nothing but its file');
      assert.ok(!result.warnings.some((w) => w.includes('not pinned')), 'the range line names a pinned package');
    },
  );
});

test('requirements: local paths, editables, git and URL requirements', async () => {
  const commit = '0123456789abcdef0123456789abcdef01234567';
  await withProject(
    {
      'pyproject.toml': PYPROJECT,
      'libs/core/pyproject.toml': '[project]\nname = "core-lib"\nversion = "0.1.0"\n',
      'requirements.txt': [
        '-e .',
        '-e ./libs/core',
        `-e git+https://github.com/org/tool.git@${commit}#egg=org-tool`,
        'other @ git+https://github.com/org/other.git@main',
        `demo @ https://files.example.com/demo-1.2.3-py3-none-any.whl --hash=sha256:${SHA_A}`,
        'https://files.example.com/pkgs/legacy_pkg-0.9.tar.gz#sha256=' + SHA_B,
        './vendor/vendored-2.0.tar.gz',
        'git+https://github.com/org/nameless.git',
      ].join('\n'),
    },
    'requirements.txt',
    (result) => {
      assert.deepEqual(byName(result, 'demo-app'), [], '-e . is the root project itself');
      const core = one(result, 'core-lib');
      assert.equal(core.type, 'library');
      assert.deepEqual(core.source, { kind: 'path', path: 'libs/core', editable: true });
      assert.equal(core.version, '0.1.0');
      assert.equal(core.purl, undefined);

      const tool = one(result, 'org-tool');
      assert.deepEqual(tool.source, { kind: 'git', url: 'https://github.com/org/tool.git', commit });
      assert.equal(tool.purl, `pkg:pypi/org-tool?vcs_url=git%2Bhttps://github.com/org/tool.git%40${commit}`);

      const other = one(result, 'other');
      assert.deepEqual(other.source, { kind: 'git', url: 'https://github.com/org/other.git@main' });
      assert.ok(result.warnings.some((w) => w.startsWith('requirements.txt:4: "other @ git+https://github.com/org/other.git@main" is not pinned to a commit')));

      const demo = one(result, 'demo');
      assert.equal(demo.version, '1.2.3');
      assert.deepEqual(demo.source, { kind: 'url', url: 'https://files.example.com/demo-1.2.3-py3-none-any.whl' });
      assert.deepEqual(demo.externalReferences, [
        { type: 'distribution', url: 'https://files.example.com/demo-1.2.3-py3-none-any.whl', hashes: [{ alg: 'SHA-256', content: SHA_A }] },
      ]);
      assert.equal(demo.purl, 'pkg:pypi/demo@1.2.3?download_url=https://files.example.com/demo-1.2.3-py3-none-any.whl');

      const legacy = one(result, 'legacy_pkg');
      assert.equal(legacy.version, '0.9');
      assert.equal(legacy.externalReferences[0]?.url, 'https://files.example.com/pkgs/legacy_pkg-0.9.tar.gz');
      assert.equal(legacy.externalReferences[0]?.hashes?.[0]?.content, SHA_B);

      const vendored = one(result, 'vendored');
      assert.equal(vendored.version, '2.0');
      assert.deepEqual(vendored.source, { kind: 'path', path: 'vendor/vendored-2.0.tar.gz' });

      assert.ok(result.warnings.some((w) => w.startsWith('requirements.txt:8: cannot tell the package name')));
      assert.equal(result.components.size, 6);
      assert.equal(result.rootDependsOn.size, 6);
    },
  );
});

test('requirements: --index-url sets the registry (credentials dropped); download options are accepted', async () => {
  await withProject(
    {
      'requirements.txt': [
        '--find-links ./wheels',
        '--no-binary :all:',
        '--only-binary=numpy',
        '--prefer-binary',
        '--pre',
        '--trusted-host pkgs.example.com',
        '--require-hashes',
        `foo==1.0 --hash=sha256:${SHA_A}`,
        '-i https://user:s3cret@pkgs.example.com/simple/',
      ].join('\n'),
    },
    'requirements.txt',
    (result) => {
      const foo = one(result, 'foo');
      assert.deepEqual(foo.source, { kind: 'registry', url: 'https://pkgs.example.com/simple' });
      assert.equal(foo.purl, 'pkg:pypi/foo@1.0?repository_url=https://pkgs.example.com/simple');
      assert.equal(foo.externalReferences[0]?.url, 'https://pkgs.example.com/simple/foo/');
      assert.ok(!JSON.stringify([...result.components.values()]).includes('s3cret'));
      assert.ok(!result.warnings.join('\n').includes('s3cret'));
      assert.deepEqual(foo.properties, [['cdx:pip:file', 'requirements.txt']]);
    },
  );
});

test('requirements: --no-index, option prefixes, credentials in extra indexes and stray words are reported', async () => {
  await withProject(
    {
      'requirements.txt': ['--no-index', '--extra-index https://me:t0ken@extra.example.com/simple', '--pre stray-word', 'foo==1.0'].join('\n'),
    },
    'requirements.txt',
    (result) => {
      const warnings = result.warnings.join('\n');
      assert.match(warnings, /requirements\.txt:1: --no-index/);
      assert.match(warnings, /requirements\.txt:2: --extra-index-url https:\/\/extra\.example\.com\/simple: pip may take any requirement/);
      assert.ok(!warnings.includes('t0ken'));
      assert.match(warnings, /requirements\.txt:3: ignored "stray-word"/);
      assert.equal(one(result, 'foo').purl, 'pkg:pypi/foo@1.0');
    },
  );
});

test('requirements: output is deterministic and has no absolute paths', async () => {
  const files = { 'pyproject.toml': PYPROJECT, 'requirements.txt': '-r extra/more.txt\nb==1\na==2\n', 'extra/more.txt': 'c>=1\n-e ../sibling\n' };
  const render = (r: LockfileResult): string =>
    JSON.stringify({ ...r, components: [...r.components.values()].map((c) => ({ ...c, dependsOn: [...c.dependsOn] })), rootDependsOn: [...r.rootDependsOn], workspaceMembers: [] });
  let first = '';
  await withProject(files, 'requirements.txt', (result, dir) => {
    first = render(result);
    assert.ok(!first.includes(dir), 'no absolute path');
  });
  await withProject(files, 'requirements.txt', (result) => assert.equal(render(result), first));
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input

test('requirements: two pins of one name in one file is LOCKFILE_DUPLICATE naming both lines', async () => {
  const error = await parseError({ 'requirements.txt': 'foo==1.0\nbar==2\nFoo==2.0\n' }, 'requirements.txt');
  assert.equal(error.code, 'LOCKFILE_DUPLICATE');
  assert.match(error.message, /^requirements\.txt:3: /);
  assert.match(error.message, /requirements\.txt:1 and ==2\.0 at requirements\.txt:3/);
});

test('requirements: a constraint conflicting with a pin is LOCKFILE_DUPLICATE', async () => {
  const error = await parseError({ 'requirements.txt': '-c c.txt\nfoo==1.0\n', 'c.txt': 'foo==1.1\n' }, 'requirements.txt');
  assert.equal(error.code, 'LOCKFILE_DUPLICATE');
  assert.match(error.message, /^c\.txt:1: .*requirements\.txt:2/);
});

test('requirements: invalid requirement syntax names file, physical line and column', async () => {
  const error = await parseError({ 'requirements.txt': 'ok==1\nflask==3.0.0 \\\n    ; os_name = "nt"\n' }, 'requirements.txt');
  assert.equal(error.code, 'LOCKFILE_INVALID');
  assert.match(error.message, /^requirements\.txt:3:15: unexpected character "="/);
  const version = await parseError({ 'requirements.txt': '\n\ndjango>=four\n' }, 'requirements.txt');
  assert.match(version.message, /^requirements\.txt:3:9: invalid version "four"/);
  const name = await parseError({ 'requirements.txt': '!!!\n' }, 'requirements.txt');
  assert.match(name.message, /^requirements\.txt:1:1: expected a package name/);
});

test('requirements: unknown options are errors; a --hash without its requirement too', async () => {
  const unknown = await parseError({ 'requirements.txt': 'a==1\n--frobnicate\n' }, 'requirements.txt');
  assert.match(unknown.message, /^requirements\.txt:2:1: unknown option --frobnicate/);
  const after = await parseError({ 'requirements.txt': 'a==1 -r other.txt\n' }, 'requirements.txt');
  assert.match(after.message, /^requirements\.txt:1:6: option --requirement is not allowed after a requirement/);
  const orphan = await parseError({ 'requirements.txt': `a==1\n    --hash=sha256:${SHA_A}\n` }, 'requirements.txt');
  assert.match(orphan.message, /^requirements\.txt:2:5: --hash must follow a requirement/);
  const weak = await parseError({ 'requirements.txt': `a==1 --hash=md5:${'0'.repeat(32)}\n` }, 'requirements.txt');
  assert.match(weak.message, /^requirements\.txt:1:13: invalid --hash/);
});

test('requirements: include cycles, missing and remote includes are errors naming the including line', async () => {
  const cycle = await parseError({ 'requirements.txt': 'a==1\n-r b.txt\n', 'b.txt': '\n-r requirements.txt\n' }, 'requirements.txt');
  assert.match(cycle.message, /^b\.txt:2:4: -r requirements\.txt: include cycle \(requirements\.txt -> b\.txt -> requirements\.txt\)/);
  const self = await parseError({ 'requirements.txt': '-c requirements.txt\n' }, 'requirements.txt');
  assert.match(self.message, /include cycle/);
  const missing = await parseError({ 'requirements.txt': 'a==1\n\n-r nothere.txt\n' }, 'requirements.txt');
  assert.equal(missing.code, 'LOCKFILE_INVALID');
  assert.match(missing.message, /^requirements\.txt:3:4: -r nothere\.txt: included file nothere\.txt not found/);
  const remote = await parseError({ 'requirements.txt': '-r https://example.com/reqs.txt\n' }, 'requirements.txt');
  assert.equal(remote.code, 'LOCKFILE_UNSUPPORTED');
  assert.match(remote.message, /^requirements\.txt:1:4: /);
});

test('requirements: constraints files reject editables, links and extras as pip does', async () => {
  const editable = await parseError({ 'requirements.txt': '-c c.txt\n', 'c.txt': '-e ./x\n' }, 'requirements.txt');
  assert.match(editable.message, /^c\.txt:1:1: editable requirements are not allowed in a constraints file/);
  const extras = await parseError({ 'requirements.txt': '-c c.txt\n', 'c.txt': 'a[b]==1\n' }, 'requirements.txt');
  assert.match(extras.message, /^c\.txt:1:1: constraints cannot have extras/);
});

test('requirements: binary or garbage content is rejected with the file named', async () => {
  const binary = await parseError({ 'requirements.txt': Buffer.from([0x61, 0x3d, 0x3d, 0x31, 0x0a, 0x00, 0xff, 0xfe, 0x10]) }, 'requirements.txt');
  assert.match(binary.message, /^requirements\.txt:2: binary content/);
  const garbage = await parseError({ 'requirements.txt': 'a==1\n\u00ff\u00fe garbage {{}}\n' }, 'requirements.txt');
  assert.match(garbage.message, /^requirements\.txt:2:1: expected a package name/);
  const marker = await parseError({ 'requirements.txt': 'a==1 ; python_version < "3\n' }, 'requirements.txt');
  assert.match(marker.message, /^requirements\.txt:1:25: unterminated string/);
});

test('requirements: hostile input fails fast with a LockfileError (no quadratic scans, no stack overflow)', async () => {
  const started = Date.now();
  const spaces = await parseError({ 'requirements.txt': `foo${' '.repeat(200_000)}x\n` }, 'requirements.txt');
  assert.match(spaces.message, /^requirements\.txt:1:200004: unexpected "x"/);
  const brackets = await parseError({ 'requirements.txt': `./pkg${'['.repeat(100_000)}\n` }, 'requirements.txt');
  assert.match(brackets.message, /^requirements\.txt:1:/);
  const nested = await parseError({ 'requirements.txt': `a==1 ; ${'('.repeat(50_000)}os_name == "nt"${')'.repeat(50_000)}\n` }, 'requirements.txt');
  assert.match(nested.message, /^requirements\.txt:1:\d+: environment marker nested deeper than 64 parentheses/);
  const continued = await parseError({ 'requirements.txt': `${'--pre \\\n'.repeat(50_000)}--bogus\n` }, 'requirements.txt');
  assert.match(continued.message, /^requirements\.txt:50001:1: unknown option --bogus/);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});
