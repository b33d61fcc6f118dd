import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LockfileError } from '../../../src/core/errors.js';
import type { Component, LockfileResult } from '../../../src/sbom/model.js';
import { readLockfile } from '../../../src/sbom/read-lockfile.js';
import { corpus, tempDir } from '../../helpers/shared.js';

function byName(result: LockfileResult, name: string, version?: string): Component {
  const found = [...result.components.values()].filter((c) => c.name === name && (version === undefined || c.version === version));
  assert.equal(found.length, 1, `expected exactly one ${name}${version !== undefined ? `@${version}` : ''}, found ${found.length}`);
  return found[0] as Component;
}

async function parseIn(files: Record<string, string>): Promise<LockfileResult> {
  const { dir, cleanup } = tempDir();
  try {
    for (const [rel, content] of Object.entries(files)) writeFileSync(join(dir, rel), content);
    return await readLockfile(dir, 'Pipfile.lock');
  } finally {
    cleanup();
  }
}

async function rejects(lock: string, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(parseIn({ 'Pipfile.lock': lock }), (error: unknown) => {
    assert.ok(error instanceof LockfileError, `expected LockfileError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

const PIPENV = corpus('python-pipenv', 'pipenv');
interface RawEntry {
  version?: string;
  hashes?: string[];
}

test('Pipfile.lock corpus (pypa/pipenv): default and develop, a name in both is one component when the version matches', async () => {
  const result = await readLockfile(PIPENV, 'Pipfile.lock');
  const raw = JSON.parse(readFileSync(join(PIPENV, 'Pipfile.lock'), 'utf8')) as Record<string, Record<string, RawEntry>>;
  const defaults = raw['default'] as Record<string, RawEntry>;
  const develop = raw['develop'] as Record<string, RawEntry>;
  assert.equal(Object.keys(defaults).length, 10);
  assert.equal(Object.keys(develop).length, 100);
  // Independent count: unique name@version over both sections.
  const unique = new Set([...Object.entries(defaults), ...Object.entries(develop)].map(([n, e]) => `${n.toLowerCase()}@${e.version}`));
  const inBoth = Object.keys(defaults).filter((n) => n in develop);
  assert.equal(inBoth.length, 9);
  assert.equal(inBoth.filter((n) => defaults[n]?.version === develop[n]?.version).length, 5);
  assert.equal(unique.size, 105);
  assert.equal(result.components.size, unique.size);

  // Scopes: anything in default is required (strongest wins), develop-only is excluded.
  for (const c of result.components.values()) {
    const required = Object.entries(defaults).some(([n, e]) => n === c.name && e.version === `==${c.version}`);
    assert.equal(c.scope, required ? 'required' : 'excluded', `${c.name}@${c.version}`);
  }
  assert.equal(byName(result, 'pytz').scope, 'required');
  assert.equal(byName(result, 'iniconfig').scope, 'required');
  assert.deepEqual(byName(result, 'iniconfig').properties, [
    ['cdx:pipenv:category', 'default'],
    ['cdx:pipenv:category', 'develop'],
  ]);
  assert.equal(byName(result, 'packaging', '26.3').scope, 'required');
  assert.equal(byName(result, 'packaging', '26.2').scope, 'excluded');
  assert.deepEqual(byName(result, 'packaging', '26.2').properties, [['cdx:pipenv:category', 'develop']]);
  assert.equal(byName(result, 'sphinx').scope, 'excluded');
  assert.equal(result.components.size - [...result.components.values()].filter((c) => c.scope === 'required').length, 95);

  // Purls and hashes: each hash on a distribution reference to the index's PEP 503 project page.
  assert.equal(byName(result, 'typing-extensions').purl, 'pkg:pypi/typing-extensions@4.16.0');
  assert.equal(byName(result, 'pytz').purl, 'pkg:pypi/pytz@2026.1.post1');
  assert.deepEqual(byName(result, 'pytz').externalReferences, [
    { type: 'distribution', url: 'https://pypi.org/simple/pytz/', hashes: [{ alg: 'SHA-256', content: '3378dde6a0c3d26719182142c56e60c7f9af7e968076f31aae569d72a0358ee1' }] },
    { type: 'distribution', url: 'https://pypi.org/simple/pytz/', hashes: [{ alg: 'SHA-256', content: 'f2fd16142fda348286a75e1a524be810bb05d444e5a081f37f7affc635035f7a' }] },
  ]);
  const uniqueHashes = new Map<string, Set<string>>();
  for (const [n, e] of [...Object.entries(defaults), ...Object.entries(develop)]) {
    const id = `${n}@${e.version}`;
    uniqueHashes.set(id, new Set([...(uniqueHashes.get(id) ?? []), ...(e.hashes ?? [])]));
  }
  const expectedHashes = [...uniqueHashes.values()].reduce((n, s) => n + s.size, 0);
  assert.equal(expectedHashes, 900);
  assert.equal([...result.components.values()].reduce((n, c) => n + c.externalReferences.length, 0), expectedHashes);
  assert.ok([...result.components.values()].every((c) => c.hashes.length === 0));

  // No graph in Pipfile.lock: the root depends on everything; nothing else depends on anything.
  assert.equal(result.rootDependsOn.size, 105);
  assert.ok([...result.components.values()].every((c) => c.dependsOn.size === 0));
  assert.ok(result.warnings.some((w) => /^Pipfile\.lock: the lockfile records no dependency graph/.test(w)));
  assert.equal(result.root.name, 'pipenv');
  assert.equal(result.root.manifest, 'Pipfile');
  assert.equal(result.format, 'pipenv');
});

const meta = (sources: unknown[] = [{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }], spec: unknown = 6): unknown => ({
  hash: { sha256: 'x' },
  'pipfile-spec': spec,
  requires: {},
  sources,
});

test('Pipfile.lock: private index, git, editable path, remote file and custom categories', async () => {
  const lock = {
    _meta: meta([
      { name: 'corp', url: 'https://pkgs.example.com/simple/', verify_ssl: true },
      { name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true },
    ]),
    default: {
      internal: { version: '==1.0.0', index: 'corp', hashes: [`sha256:${'a'.repeat(64)}`] },
      requests: { version: '==2.32.3', index: 'pypi', hashes: [`sha256:${'b'.repeat(64)}`] },
      tool: { git: 'https://github.com/example/tool.git', ref: '0123456789abcdef0123456789abcdef01234567' },
      local: { path: './libs/local', editable: true },
      wheel: { file: 'https://example.com/dl/wheel-1.0-py3-none-any.whl', version: '==1.0', hashes: [`sha256:${'c'.repeat(64)}`] },
    },
    docs: { sphinx: { version: '==8.0.0', hashes: [] } },
    develop: { stray: { version: '==0.1', index: 'nowhere' } },
  };
  const result = await parseIn({ 'Pipfile.lock': JSON.stringify(lock, null, 4) });
  const internal = byName(result, 'internal');
  assert.deepEqual(internal.source, { kind: 'registry', url: 'https://pkgs.example.com/simple/' });
  assert.equal(internal.purl, 'pkg:pypi/internal@1.0.0?repository_url=https://pkgs.example.com/simple/');
  assert.equal(internal.externalReferences[0]?.url, 'https://pkgs.example.com/simple/internal/');
  assert.deepEqual(byName(result, 'requests').source, { kind: 'registry' });
  assert.deepEqual(byName(result, 'tool').source, { kind: 'git', url: 'https://github.com/example/tool.git', commit: '0123456789abcdef0123456789abcdef01234567' });
  assert.equal(byName(result, 'tool').version, undefined);
  const local = byName(result, 'local');
  assert.equal(local.type, 'application');
  assert.deepEqual(local.source, { kind: 'path', path: 'libs/local', editable: true });
  assert.deepEqual([...result.workspaceMembers], [local.key]);
  const wheel = byName(result, 'wheel');
  assert.deepEqual(wheel.source, { kind: 'url', url: 'https://example.com/dl/wheel-1.0-py3-none-any.whl' });
  assert.equal(wheel.externalReferences[0]?.url, 'https://example.com/dl/wheel-1.0-py3-none-any.whl');
  assert.equal(byName(result, 'sphinx').scope, 'excluded');
  assert.deepEqual(byName(result, 'sphinx').properties, [['cdx:pipenv:category', 'docs']]);
  // Packages without `index` come from the first source.
  assert.deepEqual(byName(result, 'sphinx').source, { kind: 'registry', url: 'https://pkgs.example.com/simple/' });
  assert.ok(result.warnings.some((w) => /indexes that _meta\.sources does not define \(nowhere\)/.test(w)), result.warnings.join('\n'));
  assert.equal(result.root.manifest, undefined);
});

test('Pipfile.lock bad input: malformed JSON names the line', async () => {
  await rejects('{\n  "_meta": {\n    "pipfile-spec": 6,\n  }\n}\n', 'LOCKFILE_INVALID', /^Pipfile\.lock:4:\d+: invalid JSON/);
  await rejects('{\n  "_meta": {', 'LOCKFILE_INVALID', /^Pipfile\.lock:2:\d+: invalid JSON.*truncated/);
});

test('Pipfile.lock bad input: unknown pipfile-spec is unsupported and lists the supported ones', async () => {
  await rejects(JSON.stringify({ _meta: meta(undefined, 7), default: {} }, null, 2), 'LOCKFILE_UNSUPPORTED', /^Pipfile\.lock:6 \(at _meta\.pipfile-spec\): unsupported Pipfile\.lock pipfile-spec 7 \(supported: 6\)/);
  await rejects(JSON.stringify({ default: {} }), 'LOCKFILE_INVALID', /missing `_meta`/);
});

test('Pipfile.lock bad input: duplicate package keys name the line', async () => {
  const text = `{\n  "_meta": ${JSON.stringify(meta())},\n  "default": {\n    "six": {"version": "==1.16.0"},\n    "six": {"version": "==1.16.0"}\n  }\n}\n`;
  await rejects(text, 'LOCKFILE_DUPLICATE', /^Pipfile\.lock:5 \(at default\.six\): duplicate key "six"/);
  const normalised = JSON.stringify({ _meta: meta(), default: { Foo_Bar: { version: '==1' }, 'foo-bar': { version: '==2' } } }, null, 2);
  await rejects(normalised, 'LOCKFILE_DUPLICATE', /duplicate package "foo-bar" in "default" \(same normalised name as "Foo_Bar" at line \d+\)/);
});

test('Pipfile.lock bad input: wrong types name the key path and line', async () => {
  const doc = (def: unknown): string => JSON.stringify({ _meta: meta(), default: def }, null, 2);
  await rejects(doc([]), 'LOCKFILE_INVALID', /^Pipfile\.lock:\d+ \(at default\): a package category must be an object, got an array/);
  await rejects(doc({ six: { version: '==1', hashes: 'sha256:x' } }), 'LOCKFILE_INVALID', /\(at default\.six\.hashes\): `hashes` must be an array of strings/);
  await rejects(doc({ six: { version: 1.16 } }), 'LOCKFILE_INVALID', /\(at default\.six\.version\): `version` must be a string, got number 1\.16/);
  await rejects(doc({ six: { version: '>=1' } }), 'LOCKFILE_INVALID', /`version` must be a pin like "==1\.2\.3"/);
  await rejects(doc({ six: {} }), 'LOCKFILE_INVALID', /\(at default\.six\): has no `version`/);
  await rejects(doc({ six: 'x' }), 'LOCKFILE_INVALID', /\(at default\.six\): must be an object/);
  await rejects('[1, 2]', 'LOCKFILE_INVALID', /^Pipfile\.lock:1: the document must be a JSON object/);
  await rejects(JSON.stringify({ _meta: { 'pipfile-spec': 6, sources: 'x' } }), 'LOCKFILE_INVALID', /_meta\.sources\): must be an array/);
});
