import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Policy, toJson } from '@chainwarden/rego';
import { CHAINWARDEN_BUILTINS } from '../../src/policy/builtins/index.js';
import { parsePurl } from '../../src/policy/builtins/purl.js';
import { VERSION_SCHEMES } from '../../src/policy/builtins/versions.js';
import { shared } from '../helpers/shared.js';

function evalRego(expr: string): unknown {
  const policy = Policy.compile({ modules: [{ file: 'q.rego', text: `package q\n\nx := [${expr}]\n` }], builtins: CHAINWARDEN_BUILTINS });
  const v = policy.prepare('data.q.x').eval({ strictBuiltinErrors: true })[0]?.expressions[0]?.value;
  // Wrapped in an array: the engine leaves `x := <builtin returning false>` undefined (reported to the engine's owners).
  return v === undefined ? undefined : (toJson(v) as unknown[])[0];
}

test('purl.parse: type, namespace, name, version, qualifiers, subpath (percent-decoded)', () => {
  assert.deepEqual(evalRego('purl.parse("pkg:npm/%40babel/core@7.24.0?repository_url=https%3A%2F%2Fnpm.example.com#lib/x")'), {
    type: 'npm',
    namespace: '@babel',
    name: 'core',
    version: '7.24.0',
    qualifiers: { repository_url: 'https://npm.example.com' },
    subpath: 'lib/x',
  });
  assert.equal(parsePurl('pkg:pypi/requests')?.version, null);
  assert.equal(parsePurl('not a purl'), undefined);
  assert.throws(() => evalRego('purl.parse("npm/x")'), /purl.parse: not a package URL/);
});

test('spdx.satisfies / spdx.valid / spdx.ids: OR needs one allowed branch, AND needs all, WITH exceptions', () => {
  assert.equal(evalRego('spdx.satisfies("MIT OR GPL-3.0-only", ["MIT"])'), true);
  assert.equal(evalRego('spdx.satisfies("MIT AND GPL-3.0-only", ["MIT"])'), false);
  assert.equal(evalRego('spdx.satisfies("(Apache-2.0 OR MIT) AND BSD-3-Clause", {"mit", "BSD-3-Clause"})'), true);
  assert.equal(evalRego('spdx.satisfies("GPL-2.0-only WITH Classpath-exception-2.0", ["GPL-2.0-only WITH Classpath-exception-2.0"])'), true);
  assert.equal(evalRego('spdx.satisfies("Apache-2.0", "MIT OR Apache-2.0")'), true);
  assert.equal(evalRego('spdx.valid("MIT OR Apache-2.0")'), true);
  assert.equal(evalRego('spdx.valid("MIT License")'), false);
  assert.deepEqual(evalRego('spdx.ids("(MIT OR Apache-2.0) AND BSD-3-Clause")'), ['Apache-2.0', 'BSD-3-Clause', 'MIT']);
  assert.throws(() => evalRego('spdx.satisfies("MIT OR", ["MIT"])'), /spdx.satisfies: not a valid SPDX expression/);
});

/** The `a < b` / `a > b` / `a = b` vectors of the shared version-ordering data. */
function vectors(file: string): [string, string, string][] {
  return readFileSync(shared('conformance', 'version-ordering', 'semantic', 'testdata', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => /^(\S+) ([<>=]) (\S+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1] as string, m[2] as string, m[3] as string]);
}

test('version.compare pypi: the PyPI ordering vectors (PEP 440, via pip\'s own ordering)', () => {
  // The vectors include legacy (non-PEP 440) versions pip once ordered; version.compare rejects those, as PEP 440 does.
  const pep440 = VERSION_SCHEMES['pypi']?.();
  const cases = vectors('pypi-versions.txt').filter(([a, , b]) => pep440?.valid(a) === true && pep440.valid(b));
  assert.ok(cases.length >= 25, `${cases.length} PEP 440 vectors`);
  const policy = Policy.compile({ modules: [{ file: 'v.rego', text: 'package v\n\ncmp := version.compare("pypi", input.a, input.b)\n' }], builtins: CHAINWARDEN_BUILTINS });
  const q = policy.prepare('data.v.cmp');
  for (const [a, op, b] of cases) {
    const want = op === '<' ? -1 : op === '>' ? 1 : 0;
    assert.equal(q.eval({ input: { a, b } })[0]?.expressions[0]?.value, want, `${a} ${op} ${b}`);
  }
});

test('version.compare semver: the semver ordering vectors; invalid versions and schemes are errors', () => {
  const cases = vectors('semver-versions.txt');
  assert.ok(cases.length > 80);
  const policy = Policy.compile({ modules: [{ file: 'v.rego', text: 'package v\n\ncmp := version.compare("npm", input.a, input.b)\n' }], builtins: CHAINWARDEN_BUILTINS });
  const q = policy.prepare('data.v.cmp');
  let checked = 0;
  // The vectors include versions node-semver (what npm itself uses) rejects: numeric identifiers beyond 2^53, four-part versions.
  const semver = VERSION_SCHEMES['npm']?.();
  const usable = cases.filter(([a, , b]) => semver?.valid(a) === true && semver.valid(b));
  assert.ok(usable.length >= 50, `${usable.length} of ${cases.length} vectors are valid npm versions`);
  for (const [a, op, b] of usable) {
    const want = op === '<' ? -1 : op === '>' ? 1 : 0;
    assert.equal(q.eval({ input: { a, b }, strictBuiltinErrors: true })[0]?.expressions[0]?.value, want, `${a} ${op} ${b}`);
    checked++;
  }
  assert.equal(checked, usable.length);
  assert.throws(() => evalRego('version.compare("pypi", "1.0", "not a version!")'), /is not a valid pypi version/);
  assert.throws(() => evalRego('version.compare("cobol", "1", "2")'), /unknown version scheme "cobol"/);
  assert.equal(evalRego('version.is_valid("pep440", "1.0.post1")'), true);
});
