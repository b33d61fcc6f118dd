import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { LockfileError } from '../../../src/core/errors.js';
import { normalizePypiName } from '../../../src/core/purl.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { corpus, REPO_ROOT, tempDir } from '../../helpers/shared.js';

function byName(result: LockfileResult, name: string, version?: string): Component {
  const found = [...result.components.values()].filter((c) => normalizePypiName(c.name) === normalizePypiName(name) && (version === undefined || c.version === version));
  assert.equal(found.length, 1, `expected one component ${name}${version !== undefined ? `@${version}` : ''}, found ${found.length}`);
  return found[0] as Component;
}

/** Independent count: [[package]] entries that are not the project itself (editable/virtual "."). */
function rawPackages(lockPath: string): { name: string; version?: string; source: Record<string, string> }[] {
  const doc = parse(readFileSync(lockPath, 'utf8')) as { package: { name: string; version?: string; source: Record<string, string> }[] };
  return doc.package.filter((p) => !(p.source['editable'] === '.' || p.source['virtual'] === '.'));
}

test('uv: Hotpass uv.lock matches the oracle (381 components; 161 required, 219 optional, 1 excluded; 1,636 digests)', async () => {
  const dir = corpus('python-uv', 'hotpass');
  const result = await readLockfile(dir, 'uv.lock');
  const raw = rawPackages(join(dir, 'uv.lock'));
  const components = [...result.components.values()];
  assert.equal(components.length, raw.length);
  assert.equal(components.length, 381);
  const scopes = { required: 0, optional: 0, excluded: 0 };
  for (const c of components) scopes[c.scope]++;
  assert.deepEqual(scopes, { required: 161, optional: 219, excluded: 1 });
  const digests = components.flatMap((c) => c.externalReferences.filter((r) => r.type === 'distribution').flatMap((r) => r.hashes ?? []));
  const rawDigests = (readFileSync(join(dir, 'uv.lock'), 'utf8').match(/hash = "sha256:[0-9a-f]{64}"/g) ?? []).length;
  assert.equal(digests.length, rawDigests);
  assert.equal(digests.length, 1636);
  assert.ok(digests.every((d) => d.alg === 'SHA-256' && /^[0-9a-f]{64}$/.test(d.content)));
  assert.equal(result.root.name, 'hotpass');
  assert.equal(result.root.version, '0.1.0');
  assert.deepEqual(result.root.licenses, [{ kind: 'expression', expression: 'LicenseRef-Proprietary' }]);
  assert.equal(result.carriesLicenses, false);
});

test('uv: Hotpass root depends on every direct main dependency of pyproject.toml', async () => {
  const dir = corpus('python-uv', 'hotpass');
  const result = await readLockfile(dir, 'uv.lock');
  const pyproject = parse(readFileSync(join(dir, 'pyproject.toml'), 'utf8')) as { project: { dependencies: string[] } };
  const names = pyproject.project.dependencies.map((d) => normalizePypiName((/^[A-Za-z0-9._-]+/.exec(d) as RegExpExecArray)[0]));
  assert.equal(names.length, 27);
  for (const name of names) {
    const c = byName(result, name);
    assert.ok(result.rootDependsOn.has(c.key), `root should depend on ${name}`);
    assert.equal(c.scope, 'required', `${name} is a main dependency`);
  }
});

test('uv: scopes follow reachability through extras and groups, with their origin recorded', async () => {
  const result = await readLockfile(corpus('python-uv', 'hotpass'), 'uv.lock');
  const typesRequests = byName(result, 'types-requests');
  assert.equal(typesRequests.scope, 'excluded');
  assert.deepEqual(typesRequests.properties, [['cdx:uv:group', 'dev']]);
  const splink = byName(result, 'splink');
  assert.equal(splink.scope, 'optional');
  assert.ok(splink.properties.some(([n, v]) => n === 'cdx:uv:extra' && v === 'entity-resolution'));
  // dvc is requested as dvc[s3]: the s3 extra's dependencies (s3fs → aiobotocore) are reachable through it.
  const dvc = byName(result, 'dvc');
  const dvcS3 = byName(result, 'dvc-s3');
  assert.ok(dvc.dependsOn.has(dvcS3.key), 'dvc[s3] activates dvc-s3');
  assert.equal(dvcS3.scope, 'optional');
  // pandas is required (main) even though extras reach it too.
  assert.equal(byName(result, 'pandas').scope, 'required');
  assert.equal(byName(result, 'pandas').purl, `pkg:pypi/pandas@${byName(result, 'pandas').version}`);
});

test('uv: pydantic-ai workspace: members are application components, git sources get vcs_url', async () => {
  const dir = corpus('python-uv', 'pydantic-ai-workspace');
  const result = await readLockfile(dir, 'uv.lock');
  const raw = rawPackages(join(dir, 'uv.lock'));
  assert.equal(result.components.size, raw.length);
  const members = [...result.workspaceMembers].map((k) => result.components.get(k) as Component);
  assert.deepEqual(members.map((m) => m.name).sort(), ['clai', 'pydantic-ai-examples', 'pydantic-ai-slim', 'pydantic-evals', 'pydantic-graph']);
  for (const m of members) {
    assert.equal(m.type, 'application');
    assert.equal(m.purl, undefined, 'no PyPI purl for a local workspace member');
    assert.equal(m.source.kind, 'workspace');
    assert.ok(result.rootDependsOn.has(m.key));
  }
  const git = byName(result, 'strict-no-cover');
  assert.equal(git.source.kind, 'git');
  assert.match(git.purl ?? '', /^pkg:pypi\/strict-no-cover@[^?]+\?vcs_url=git%2Bhttps:\/\/github\.com\/pydantic\/strict-no-cover\.git%407fc59da2c4dff919db2095a0f0e47101b657131d$/);
  assert.equal(result.root.name, 'pydantic-ai');
  assert.equal(result.root.version, undefined, 'the version is dynamic in pyproject.toml');
});

test('uv: the example locks numpy at two versions through markers: two components, both reachable', async () => {
  const dir = join(REPO_ROOT, 'examples', 'hotpass-like');
  const result = await readLockfile(dir, 'uv.lock');
  const numpys = [...result.components.values()].filter((c) => c.name === 'numpy');
  assert.equal(numpys.length, 2);
  assert.notEqual(numpys[0]?.version, numpys[1]?.version);
  const pandas = byName(result, 'pandas');
  for (const n of numpys) {
    assert.ok(pandas.dependsOn.has(n.key), `pandas depends on numpy ${n.version}`);
    assert.equal(n.scope, 'required');
  }
  const scopes = { required: 0, optional: 0, excluded: 0 };
  for (const c of result.components.values()) scopes[c.scope]++;
  assert.deepEqual(scopes, { required: 19, optional: 8, excluded: 6 });
  assert.equal(byName(result, 'pygments').scope, 'required', 'reached from rich (main) and pytest (dev): required wins');
  assert.equal(byName(result, 'httpx').scope, 'optional');
  assert.equal(byName(result, 'pytest').scope, 'excluded');
});

test('uv: every dependency edge points at a locked component (cdxgen-uv and workspace fixtures)', async () => {
  for (const name of ['cdxgen-uv', 'cdxgen-uv-workspace']) {
    const dir = corpus('python-uv', name);
    const result = await readLockfile(dir, 'uv.lock');
    assert.equal(result.components.size, rawPackages(join(dir, 'uv.lock')).length);
    for (const c of result.components.values()) for (const d of c.dependsOn) assert.ok(result.components.has(d), `${c.name} → dangling ${d}`);
    assert.deepEqual(result.warnings, []);
  }
});

function badLock(content: string): string {
  const { dir } = tempDir();
  writeFileSync(join(dir, 'uv.lock'), content);
  return dir;
}

const GOOD = `version = 1
revision = 3
requires-python = ">=3.12"

[[package]]
name = "demo"
version = "1.0.0"
source = { virtual = "." }
dependencies = [{ name = "six" }]

[[package]]
name = "six"
version = "1.17.0"
source = { registry = "https://pypi.org/simple" }
`;

test('uv: bad input names the file and the place', async () => {
  await assert.rejects(readLockfile(badLock(GOOD.slice(0, GOOD.length - 30)), 'uv.lock'), (e: unknown) => {
    assert.ok(e instanceof LockfileError);
    assert.equal(e.code, 'LOCKFILE_INVALID');
    assert.match(e.message, /^uv\.lock:\d+:\d+: invalid TOML/);
    return true;
  });
  await assert.rejects(readLockfile(badLock(GOOD.replace('version = 1\n', 'version = 99\n')), 'uv.lock'), (e: unknown) => {
    assert.ok(e instanceof LockfileError);
    assert.equal(e.code, 'LOCKFILE_UNSUPPORTED');
    assert.match(e.message, /^uv\.lock:1 .*unsupported uv\.lock version 99 \(supported: 1\)/);
    return true;
  });
  const dup = `${GOOD}\n[[package]]\nname = "six"\nversion = "1.17.0"\nsource = { registry = "https://pypi.org/simple" }\n`;
  await assert.rejects(readLockfile(badLock(dup), 'uv.lock'), (e: unknown) => {
    assert.ok(e instanceof LockfileError);
    assert.equal(e.code, 'LOCKFILE_DUPLICATE');
    assert.match(e.message, /^uv\.lock:16 \(at package\[2\]\): duplicate package entry "six"/);
    return true;
  });
  await assert.rejects(readLockfile(badLock(GOOD.replace('dependencies = [{ name = "six" }]', 'dependencies = "six"')), 'uv.lock'), (e: unknown) => {
    assert.ok(e instanceof LockfileError);
    assert.match(e.message, /^uv\.lock:5 \(at package\[0\]\.dependencies\): expected an array/);
    return true;
  });
  await assert.rejects(readLockfile(badLock(GOOD.replace('source = { registry = "https://pypi.org/simple" }', 'source = { weird = "x" }')), 'uv.lock'), /unknown package source/);
});
