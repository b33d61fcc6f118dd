import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Policy, RegoError, parseModule, parseQuery } from '../src/index.js';

test('parses a v1 module with the common rule forms', () => {
  const m = parseModule(
    [
      'package policy.sbom',
      'import rego.v1',
      'import data.lib.licences as lic',
      '',
      'default allow := false',
      'allow if count(deny) == 0',
      'deny contains msg if {',
      '  some c in input.components',
      '  not c.licenses',
      '  msg := sprintf("%s has no licence", [c.name])',
      '}',
      'names[c.name] := c.version if some c in input.components',
      'f(x) := y if { y := x * 2 } else := 0',
      'ok if every c in input.components { c.version != "" }',
    ].join('\n'),
    'sbom.rego',
  );
  assert.deepEqual(m.packagePath, ['policy', 'sbom']);
  assert.deepEqual(
    m.rules.map((r) => [r.kind, r.isDefault]),
    [
      ['complete', true],
      ['complete', false],
      ['partialset', false],
      ['complete', false],
      ['function', false],
      ['complete', false],
    ],
  );
  assert.equal(m.imports[1]?.alias, 'lic');
});

test('parse errors carry file:line:col', () => {
  assert.throws(
    () => parseModule('package p\n\nallow if {\n  input.x ==\n}', 'bad.rego'),
    (e: unknown) => e instanceof RegoError && e.code === 'rego_parse_error' && /^bad\.rego:5:1: rego_parse_error: /.test(e.message),
  );
  assert.throws(() => parseQuery('x := "unterminated'), (e: unknown) => e instanceof RegoError && /^query:1:6:/.test(e.message));
});

test('METADATA comment blocks attach to the next rule', () => {
  const m = parseModule('package p\n\n# METADATA\n# title: Deny unlicensed\n# custom:\n#   severity: high\ndeny contains 1 if true\n', 'm.rego');
  assert.deepEqual(m.rules[0]?.annotations, { title: 'Deny unlicensed', custom: { severity: 'high' }, scope: 'rule' });
});

test('a policy nested deeper than the stack allows is a parse error, not a crash', () => {
  const text = `package d\np := ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
  assert.throws(
    () => Policy.compile({ modules: [{ file: 'deep.rego', text }] }),
    (e: unknown) => e instanceof RegoError && e.code === 'rego_parse_error' && e.message.includes('deep.rego: policy nested too deeply'),
  );
});
