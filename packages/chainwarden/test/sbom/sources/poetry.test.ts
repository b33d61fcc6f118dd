import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { satisfies } from '../../../src/sbom/sources/python-common/pep440.js';
import { parseRequirement } from '../../../src/sbom/sources/python-common/pep508.js';
import { corpus, tempDir } from '../../helpers/shared.js';

/** Independent pass over the raw file: each `[[package]]` block's name, version and a few raw fields. */
function rawBlocks(text: string): { name: string; version: string; body: string }[] {
  return text
    .split(/^\[\[package\]\]\s*$/m)
    .slice(1)
    .map((body) => ({ name: /^name = "([^"]+)"$/m.exec(body)?.[1] ?? '', version: /^version = "([^"]+)"$/m.exec(body)?.[1] ?? '', body: body.split(/^\[metadata\]/m)[0] ?? '' }));
}

function byName(result: LockfileResult, name: string, version?: string): Component {
  const found = [...result.components.values()].filter((c) => c.name === name && (version === undefined || c.version === version));
  assert.equal(found.length, 1, `expected exactly one ${name}${version !== undefined ? `@${version}` : ''}, found ${found.length}`);
  return found[0] as Component;
}

function depNames(result: LockfileResult, component: Component): string[] {
  return [...component.dependsOn].map((k) => `${result.components.get(k)?.name}@${result.components.get(k)?.version}`).sort();
}

async function parseIn(files: Record<string, string>, lock = 'poetry.lock'): Promise<LockfileResult> {
  const { dir, cleanup } = tempDir();
  try {
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), content);
    }
    return await readLockfile(dir, lock);
  } finally {
    cleanup();
  }
}

async function rejects(files: Record<string, string>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(parseIn(files), (error: unknown) => {
    assert.ok(error instanceof LockfileError, `expected LockfileError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

const POETRY2 = corpus('python-poetry', 'poetry');
const POETRY1 = corpus('python-poetry', 'cdxgen-poetry1-legacy');

test('poetry 2.1 corpus (python-poetry/poetry): every package once, scopes from groups', async () => {
  const result = await readLockfile(POETRY2, 'poetry.lock');
  const blocks = rawBlocks(readFileSync(join(POETRY2, 'poetry.lock'), 'utf8'));
  const unique = new Set(blocks.map((b) => `${b.name}@${b.version}`));
  assert.equal(unique.size, 78);
  assert.equal(result.components.size, unique.size);
  assert.equal(result.format, 'poetry');
  // Scope of every package, recomputed from its raw `groups` line.
  for (const block of blocks) {
    const groups = /^groups = \[(.*)\]$/m.exec(block.body)?.[1] ?? '';
    const expected = groups.includes('"main"') ? 'required' : 'excluded';
    assert.equal(byName(result, block.name, block.version).scope, expected, block.name);
  }
  assert.equal(byName(result, 'pre-commit').scope, 'excluded');
  assert.equal(byName(result, 'pytest').scope, 'excluded');
  assert.equal(byName(result, 'filelock').scope, 'required'); // groups ["main", "dev"]: strongest wins
  assert.equal(byName(result, 'xattr').scope, 'required');
  assert.deepEqual(byName(result, 'pytest').properties, [
    ['cdx:poetry:group', 'github-actions'],
    ['cdx:poetry:group', 'test'],
  ]);
  assert.deepEqual(result.warnings, []);
});

test('poetry 2.1 corpus: root from pyproject, purls, hashes, edges', async () => {
  const result = await readLockfile(POETRY2, 'poetry.lock');
  assert.equal(result.root.name, 'poetry');
  assert.equal(result.root.version, '2.5.0.dev0');
  assert.equal(result.root.manifest, 'pyproject.toml');
  assert.deepEqual(result.root.licenses, [{ kind: 'id', id: 'MIT' }]);
  assert.equal(result.carriesLicenses, false);

  const core = byName(result, 'poetry-core');
  assert.deepEqual(core.source, { kind: 'git', url: 'https://github.com/python-poetry/poetry-core.git', commit: 'e3998b0e111dc03e4aa721fd054c48e5c7de6fc5' });
  assert.equal(core.purl, 'pkg:pypi/poetry-core@2.4.1?vcs_url=git%2Bhttps://github.com/python-poetry/poetry-core.git%40e3998b0e111dc03e4aa721fd054c48e5c7de6fc5');
  assert.equal(byName(result, 'backports-tarfile').purl, 'pkg:pypi/backports-tarfile@1.2.0');
  assert.equal(byName(result, 'cachecontrol').purl, 'pkg:pypi/cachecontrol@0.14.4');

  // Hashes: one distribution reference per file, recounted from the raw file.
  const text = readFileSync(join(POETRY2, 'poetry.lock'), 'utf8');
  const rawHashes = (text.match(/hash = "sha256:[0-9a-f]{64}"/g) ?? []).length;
  assert.equal(rawHashes, 1105);
  const refs = [...result.components.values()].flatMap((c) => c.externalReferences);
  assert.equal(refs.length, rawHashes);
  assert.ok(refs.every((r) => r.type === 'distribution' && r.hashes?.length === 1 && r.hashes[0]?.alg === 'SHA-256'));
  const anyio = byName(result, 'anyio');
  assert.deepEqual(anyio.externalReferences[0], {
    type: 'distribution',
    url: 'https://pypi.org/project/anyio/4.13.0/',
    hashes: [{ alg: 'SHA-256', content: '08b310f9e24a9594186fd75b4f73f4a4152069e3853f1ed8bfbf58369f4ad708' }],
    comment: 'anyio-4.13.0-py3-none-any.whl',
  });
  assert.deepEqual(anyio.hashes, []);

  // Edges, resolved by normalised name (typing_extensions → typing-extensions).
  assert.deepEqual(depNames(result, anyio), ['exceptiongroup@1.3.1', 'idna@3.13', 'typing-extensions@4.15.0']);
  const cachecontrol = byName(result, 'cachecontrol');
  assert.deepEqual(
    depNames(result, cachecontrol).map((d) => d.split('@')[0]),
    ['filelock', 'msgpack', 'requests'],
  );
  for (const c of result.components.values()) for (const d of c.dependsOn) assert.ok(result.components.has(d), `dangling edge ${d}`);

  // Root: every group's direct dependencies, including the git one and the optional github-actions group.
  const rootNames = [...result.rootDependsOn].map((k) => result.components.get(k)?.name);
  for (const name of ['poetry-core', 'build', 'pre-commit', 'pytest-xdist', 'mypy', 'pytest-github-actions-annotate-failures']) assert.ok(rootNames.includes(name), name);
  assert.ok(!rootNames.includes('anyio'));
  assert.equal(result.rootDependsOn.size, 35);
});

test('poetry 1.1 corpus (cdxgen legacy, no manifest): categories, [metadata.files], inferred root', async () => {
  const result = await readLockfile(POETRY1, 'poetry.lock');
  const text = readFileSync(join(POETRY1, 'poetry.lock'), 'utf8');
  const blocks = rawBlocks(text);
  assert.equal(new Set(blocks.map((b) => `${b.name}@${b.version}`)).size, 68);
  assert.equal(result.components.size, 68);
  for (const block of blocks) {
    const category = /^category = "([^"]+)"$/m.exec(block.body)?.[1];
    assert.equal(byName(result, block.name).scope, category === 'main' ? 'required' : 'excluded', block.name);
    assert.deepEqual(byName(result, block.name).properties, [['cdx:poetry:category', category]]);
  }
  assert.equal(byName(result, 'black').scope, 'excluded');
  assert.equal(byName(result, 'aiohttp').scope, 'required');

  const filesSection = text.slice(text.indexOf('[metadata.files]'));
  const rawHashes = (filesSection.match(/hash = "sha256:/g) ?? []).length;
  assert.equal(rawHashes, 736);
  assert.equal([...result.components.values()].reduce((n, c) => n + c.externalReferences.length, 0), rawHashes);
  const aiohttp = byName(result, 'aiohttp');
  assert.equal(aiohttp.externalReferences[0]?.url, 'https://pypi.org/project/aiohttp/3.8.3/');
  assert.equal(aiohttp.externalReferences[0]?.comment, 'aiohttp-3.8.3-cp310-cp310-macosx_10_9_universal2.whl');
  assert.equal(aiohttp.purl, 'pkg:pypi/aiohttp@3.8.3');
  assert.deepEqual(
    depNames(result, aiohttp).map((d) => d.split('@')[0]),
    ['aiosignal', 'async-timeout', 'asynctest', 'attrs', 'charset-normalizer', 'frozenlist', 'multidict', 'typing-extensions', 'yarl'],
  );

  assert.equal(result.root.name, 'cdxgen-poetry1-legacy');
  assert.equal(result.root.manifest, undefined);
  assert.ok(result.warnings.some((w) => /no pyproject\.toml/.test(w)));
  // Inferred root dependencies: exactly the packages nothing depends on (recomputed here from the result's edges).
  const incoming = new Set([...result.components.values()].flatMap((c) => [...c.dependsOn]));
  const expectedTop = [...result.components.keys()].filter((k) => !incoming.has(k));
  assert.deepEqual([...result.rootDependsOn].sort(), expectedTop.sort());
  const topNames = [...result.rootDependsOn].map((k) => result.components.get(k)?.name);
  assert.ok(topNames.includes('black') && !topNames.includes('aiosignal'));
});

const POETRY2_HEADER = '[metadata]\nlock-version = "2.1"\npython-versions = ">=3.10"\ncontent-hash = "x"\n';

test('poetry 2.x: optional extras, directory, legacy and url sources, two versions of one name', async () => {
  const lock = `
[[package]]
name = "app-lib"
version = "0.1.0"
description = "local"
optional = false
python-versions = "*"
groups = ["main"]
files = []
develop = true

[package.dependencies]
numpy = ">=2"

[package.source]
type = "directory"
url = "libs/app-lib"

[[package]]
name = "numpy"
version = "1.26.4"
optional = false
python-versions = "*"
groups = ["main"]
files = [{file = "numpy-1.26.4.tar.gz", hash = "sha256:${'a'.repeat(64)}"}]

[[package]]
name = "numpy"
version = "2.1.0"
optional = false
python-versions = "*"
groups = ["main"]
files = [{file = "numpy-2.1.0.tar.gz", hash = "sha256:${'b'.repeat(64)}"}]

[[package]]
name = "Private_Pkg"
version = "1.0"
optional = true
python-versions = "*"
groups = ["main"]
files = [{file = "private_pkg-1.0-py3-none-any.whl", hash = "sha256:${'c'.repeat(64)}"}]

[package.dependencies]
numpy = "*"

[package.source]
type = "legacy"
url = "https://pkgs.example.com/simple"
reference = "corp"

[[package]]
name = "tarball"
version = "2.0"
optional = false
python-versions = "*"
groups = ["dev"]
files = [{file = "tarball-2.0.tar.gz", hash = "sha256:${'d'.repeat(64)}"}]

[package.source]
type = "url"
url = "https://example.com/dl/tarball-2.0.tar.gz"

${POETRY2_HEADER}`;
  const pyproject = '[project]\nname = "demo"\nversion = "1.0"\ndependencies = ["app-lib", "numpy>=1.20,<2"]\n[project.optional-dependencies]\ncorp = ["private-pkg"]\n[tool.poetry.group.dev.dependencies]\ntarball = "*"\n';
  const result = await parseIn({ 'poetry.lock': lock, 'pyproject.toml': pyproject });
  assert.equal(result.components.size, 5);

  const app = byName(result, 'app-lib');
  assert.equal(app.type, 'application');
  assert.deepEqual(app.source, { kind: 'path', path: 'libs/app-lib', editable: true });
  assert.equal(app.purl, undefined);
  assert.deepEqual([...result.workspaceMembers], [app.key]);
  assert.deepEqual(depNames(result, app), ['numpy@2.1.0']); // the constraint picks one of the two versions

  const priv = byName(result, 'Private_Pkg');
  assert.equal(priv.scope, 'optional');
  assert.equal(priv.purl, 'pkg:pypi/private-pkg@1.0?repository_url=https://pkgs.example.com/simple');
  assert.equal(priv.externalReferences[0]?.url, 'https://pkgs.example.com/simple/private-pkg/');
  assert.deepEqual(depNames(result, priv), ['numpy@1.26.4', 'numpy@2.1.0']); // unconstrained: linked to both, with a warning
  assert.ok(result.warnings.some((w) => /several locked versions/.test(w) && /Private_Pkg 1\.0 → numpy/.test(w)), result.warnings.join('\n'));

  const tarball = byName(result, 'tarball');
  assert.equal(tarball.scope, 'excluded');
  assert.deepEqual(tarball.source, { kind: 'url', url: 'https://example.com/dl/tarball-2.0.tar.gz' });
  assert.equal(tarball.externalReferences[0]?.url, 'https://example.com/dl/tarball-2.0.tar.gz');
  assert.equal(tarball.purl, 'pkg:pypi/tarball@2.0?download_url=https://example.com/dl/tarball-2.0.tar.gz');

  const rootDeps = [...result.rootDependsOn].map((k) => `${result.components.get(k)?.name}@${result.components.get(k)?.version}`).sort();
  assert.deepEqual(rootDeps, ['Private_Pkg@1.0', 'app-lib@0.1.0', 'numpy@1.26.4', 'tarball@2.0']);
});

test('poetry 1.x: files of a name locked at two versions are split by file name', async () => {
  const lock = `
[[package]]
name = "six"
version = "1.15.0"
description = ""
category = "main"
optional = false
python-versions = "*"

[[package]]
name = "six"
version = "1.16.0"
description = ""
category = "dev"
optional = false
python-versions = "*"

[metadata]
lock-version = "1.1"
python-versions = "*"
content-hash = "x"

[metadata.files]
six = [
    {file = "six-1.15.0-py2.py3-none-any.whl", hash = "sha256:${'1'.repeat(64)}"},
    {file = "six-1.15.0.tar.gz", hash = "sha256:${'2'.repeat(64)}"},
    {file = "six-1.16.0.tar.gz", hash = "sha256:${'3'.repeat(64)}"},
]
`;
  const result = await parseIn({ 'poetry.lock': lock });
  assert.deepEqual(byName(result, 'six', '1.15.0').externalReferences.map((r) => r.comment), ['six-1.15.0-py2.py3-none-any.whl', 'six-1.15.0.tar.gz']);
  assert.deepEqual(byName(result, 'six', '1.16.0').externalReferences.map((r) => r.comment), ['six-1.16.0.tar.gz']);
  assert.equal(byName(result, 'six', '1.15.0').scope, 'required');
  assert.equal(byName(result, 'six', '1.16.0').scope, 'excluded');
});

test('poetry 2.0 without groups or categories: scopes by reachability from the manifest, else required with a warning', async () => {
  const lock = `
[[package]]
name = "click"
version = "8.1.7"
description = ""
optional = false
python-versions = "*"
files = []

[package.dependencies]
colorama = {version = "*", markers = "platform_system == \\"Windows\\""}

[[package]]
name = "colorama"
version = "0.4.6"
description = ""
optional = false
python-versions = "*"
files = []

[[package]]
name = "pytest"
version = "8.0.0"
description = ""
optional = false
python-versions = "*"
files = []

[[package]]
name = "rich"
version = "13.0.0"
description = ""
optional = true
python-versions = "*"
files = []

[metadata]
lock-version = "2.0"
python-versions = "*"
content-hash = "x"
`;
  const pyproject = '[tool.poetry]\nname = "legacy-app"\nversion = "0.3.0"\nlicense = "Apache-2.0"\n[tool.poetry.dependencies]\npython = "^3.10"\nclick = "^8"\nrich = {version = "^13", optional = true}\n[tool.poetry.dev-dependencies]\npytest = "^8"\n[tool.poetry.extras]\nfancy = ["rich"]\n';
  const result = await parseIn({ 'poetry.lock': lock, 'pyproject.toml': pyproject });
  assert.equal(result.root.name, 'legacy-app');
  assert.equal(result.root.version, '0.3.0');
  assert.deepEqual(result.root.licenses, [{ kind: 'id', id: 'Apache-2.0' }]);
  assert.equal(byName(result, 'click').scope, 'required');
  assert.equal(byName(result, 'colorama').scope, 'required');
  assert.equal(byName(result, 'rich').scope, 'optional');
  assert.equal(byName(result, 'pytest').scope, 'excluded');
  assert.equal(result.rootDependsOn.size, 3);

  const bare = await parseIn({ 'poetry.lock': lock });
  assert.equal(byName(bare, 'pytest').scope, 'required');
  assert.equal(byName(bare, 'rich').scope, 'optional'); // the lock's own `optional = true` still holds
  assert.ok(bare.warnings.some((w) => /records no groups or categories/.test(w)));
});

test('poetry.lock in a subdirectory: manifest and local paths relative to the project', async () => {
  const lock = `
[[package]]
name = "shared"
version = "0.0.1"
optional = false
python-versions = "*"
groups = ["main"]
files = []
develop = false

[package.source]
type = "directory"
url = "../shared"

${POETRY2_HEADER}`;
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'svc', 'poetry.lock'), lock);
    writeFileSync(join(dir, 'svc', 'pyproject.toml'), '[project]\nname = "svc"\ndynamic = ["version"]\ndependencies = ["shared"]\n');
    const result = await readLockfile(dir, 'svc/poetry.lock');
    assert.equal(result.lockfile, 'svc/poetry.lock');
    assert.equal(result.root.manifest, 'svc/pyproject.toml');
    assert.equal(result.root.version, undefined);
    assert.deepEqual(byName(result, 'shared').source, { kind: 'path', path: 'shared', editable: false });
  } finally {
    cleanup();
  }
});

test('poetry.lock bad input: malformed TOML names the line', async () => {
  await rejects({ 'poetry.lock': '[[package]]\nname = "a"\nversion = \n' }, 'LOCKFILE_INVALID', /^poetry\.lock:3:\d+: invalid TOML/);
});

test('poetry.lock bad input: unknown lock-version is unsupported and lists the supported ones', async () => {
  await rejects({ 'poetry.lock': '[metadata]\nlock-version = "3.0"\n' }, 'LOCKFILE_UNSUPPORTED', /poetry\.lock.*"3\.0".*1\.0, 1\.1, 2\.0, 2\.1/);
  const newer = await parseIn({ 'poetry.lock': '[metadata]\nlock-version = "2.7"\n' });
  assert.equal(newer.components.size, 0);
  assert.ok(newer.warnings.some((w) => /2\.7 is newer/.test(w)));
});

test('poetry.lock bad input: duplicate name+version names both lines', async () => {
  const entry = '[[package]]\nname = "idna"\nversion = "3.7"\noptional = false\npython-versions = "*"\ngroups = ["main"]\nfiles = []\n\n';
  await rejects({ 'poetry.lock': `${entry}${entry.replace('"idna"', '"IDNA"')}${POETRY2_HEADER}` }, 'LOCKFILE_DUPLICATE', /^poetry\.lock:9 \(at package\[1\]\): duplicate package entry IDNA 3\.7 \(first at line 1\)/);
});

test('poetry.lock bad input: wrong types name the key path and line', async () => {
  const entry = (extra: string): string => `[[package]]\nname = "ok"\nversion = "1"\noptional = false\npython-versions = "*"\ngroups = ["main"]\nfiles = []\n\n[[package]]\n${extra}\n\n${POETRY2_HEADER}`;
  await rejects({ 'poetry.lock': entry('name = 1\nversion = "1"') }, 'LOCKFILE_INVALID', /^poetry\.lock:9 \(at package\[1\]\.name\): `name` must be a non-empty string, got number 1/);
  await rejects({ 'poetry.lock': entry('name = "b"') }, 'LOCKFILE_INVALID', /^poetry\.lock:9 \(at package\[1\]\.version\): missing `version`/);
  await rejects({ 'poetry.lock': entry('name = "b"\nversion = "1"\ngroups = "main"') }, 'LOCKFILE_INVALID', /package\[1\]\.groups\): `groups` must be an array of strings/);
  await rejects({ 'poetry.lock': entry('name = "b"\nversion = "1"\nfiles = [{file = "x"}]') }, 'LOCKFILE_INVALID', /package\[1\]\.files\[0\]\): must be a \{file, hash\} table/);
  await rejects({ 'poetry.lock': entry('name = "b"\nversion = "1"\ndependencies = {c = 3}') }, 'LOCKFILE_INVALID', /package\[1\]\.dependencies\.c\): must be a version string/);
  await rejects({ 'poetry.lock': entry('name = "b"\nversion = "1"\n[package.source]\ntype = "svn"\nurl = "x"') }, 'LOCKFILE_INVALID', /package\[1\]\.source\): unknown source type "svn"/);
  await rejects({ 'poetry.lock': 'package = "x"\n' }, 'LOCKFILE_INVALID', /^poetry\.lock \(at package\): `package` must be an array/);
  await rejects({ 'poetry.lock': 'package = [1]\n' }, 'LOCKFILE_INVALID', /package\[0\]\): must be a table, got number 1/);
  await rejects({ 'poetry.lock': 'metadata = 5\n' }, 'LOCKFILE_INVALID', /`metadata` must be a table/);
  await rejects({ 'poetry.lock': '[metadata]\nlock-version = 2.1\n' }, 'LOCKFILE_INVALID', /`lock-version` must be a string/);
});

test('constraints that pick between locked versions: PEP 440 specifiers and Poetry syntax', () => {
  const cases: [string, string, boolean | undefined][] = [
    ['1.2.3', '^1.2', true],
    ['2.0.0', '^1.2', false],
    ['0.2.9', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['1.2.9', '~1.2', true],
    ['1.3', '~1.2', false],
    ['1.4.5', '~=1.4.2', true],
    ['1.5.0', '~=1.4.2', false],
    ['1.0.5', '==1.0.*', true],
    ['1.1', '==1.0.*', false],
    ['2.0rc1', '>=2.0', false],
    ['2.0.0b1', '<2', false],
    ['2.0.post1', '>2.0', false],
    ['1.0.dev0', '<1.0a1', true],
    ['3.0', '>=1,<2 || >=3', true],
    ['2.5', '>=1,<2 || >=3', false],
    ['1.5', '>=1 <2', true],
    ['1.0', '!=1.0', false],
    ['1.0+local', '==1.0', true],
    ['2!1.0', '>=3', true],
    ['abc', '>=1', undefined],
    ['1.0', '^x', undefined],
  ];
  for (const [version, constraint, expected] of cases) assert.equal(satisfies(version, constraint), expected, `${version} vs ${constraint}`);
});

test('PEP 508 requirement lines as lockfiles and manifests write them', () => {
  assert.deepEqual(parseRequirement('cachecontrol[filecache] (>=0.14.0,<0.15.0)'), { name: 'cachecontrol', extras: ['filecache'], specifier: '>=0.14.0,<0.15.0' });
  assert.deepEqual(parseRequirement('tomli (>=2.0.1,<3.0.0) ; python_version < \'3.11\''), { name: 'tomli', extras: [], specifier: '>=2.0.1,<3.0.0', marker: "python_version < '3.11'" });
  assert.deepEqual(parseRequirement('poetry-core @ git+https://github.com/python-poetry/poetry-core.git'), { name: 'poetry-core', extras: [], specifier: '', url: 'git+https://github.com/python-poetry/poetry-core.git' });
  assert.deepEqual(parseRequirement('-e file:///${PROJECT_ROOT}/libs/a#egg=a'), { name: 'a', extras: [], specifier: '', url: 'file:///${PROJECT_ROOT}/libs/a' });
  assert.equal(parseRequirement('   '), undefined);
  assert.equal(parseRequirement('x[a'), undefined);
});

test('a malformed pyproject.toml beside poetry.lock is an input error naming it', async () => {
  await assert.rejects(parseIn({ 'poetry.lock': POETRY2_HEADER, 'pyproject.toml': '[project]\nname = \n' }), (error: unknown) => {
    assert.ok(error instanceof InputError && !(error instanceof LockfileError));
    assert.equal(error.code, 'INPUT_INVALID');
    assert.match(error.message, /^pyproject\.toml:2:\d+: invalid TOML/);
    return true;
  });
});
