import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Policy, RegoError, fail, makeSet } from '../src/index.js';
import type { Value } from '../src/index.js';

const POLICY = `package gate

default allow := false

allow if count(deny) == 0

deny contains msg if {
  some c in input.components
  not c.licenses
  msg := sprintf("%s has no licence", [c.name])
}

deny contains msg if {
  some c in input.components
  c.name in data.banned
  msg := sprintf("%s is banned", [c.name])
}
`;

test('prepare once, evaluate many times with different input', () => {
  const policy = Policy.compile({ modules: [{ file: 'gate.rego', text: POLICY }], data: { banned: ['left-pad'] } });
  const q = policy.prepare('data.gate.allow');
  const open = q.eval({ input: { components: [{ name: 'a', licenses: ['MIT'] }] } });
  assert.deepEqual(open.map((r) => r.expressions[0]?.value), [true]);
  const deny = policy.prepare('x := data.gate.deny').eval({ input: { components: [{ name: 'left-pad', licenses: ['MIT'] }, { name: 'b' }] } });
  assert.ok(deny[0]);
  assert.deepEqual(deny[0].bindings['x'], makeSet(['b has no licence', 'left-pad is banned']));
});

test('host functions extend the builtins', () => {
  const policy = Policy.compile({
    modules: [{ file: 'p.rego', text: 'package p\nnpm contains c if { some c in input; purl.type(c) == "npm" }' }],
    builtins: [
      {
        name: 'purl.type',
        args: ['string'],
        impl: ([s]) => {
          const m = /^pkg:([a-z]+)\//.exec(s as string);
          if (!m) throw fail('purl.type', 'not a purl');
          return m[1];
        },
      },
    ],
  });
  const r = policy.prepare('x := data.p.npm').eval({ input: ['pkg:npm/a@1', 'pkg:pypi/b@2', 'junk'] });
  assert.deepEqual(r[0]?.bindings['x'], makeSet(['pkg:npm/a@1']));
  assert.throws(
    () => policy.prepare('purl.type("junk")').eval({ strictBuiltinErrors: true }),
    (e: unknown) => e instanceof RegoError && e.code === 'eval_builtin_error' && e.message.includes('purl.type: not a purl'),
  );
});

test('with replaces input, data and functions (policy unit tests mock with it)', () => {
  const policy = Policy.compile({
    modules: [{ file: 't.rego', text: 'package t\nf(x) := x + 1\nq := f(input.n) + data.k\nmocked(_) := 100\n' }],
    data: { k: 10 },
  });
  const r = policy.prepare('a := data.t.q with input.n as 1; b := data.t.q with data.k as 0 with input.n as 1; c := data.t.q with data.t.f as data.t.mocked with input.n as 1').eval();
  assert.deepEqual(r[0]?.bindings, { a: 12, b: 2, c: 110 });
});

test('conflicting complete rules are an eval_conflict_error', () => {
  const policy = Policy.compile({ modules: [{ file: 'c.rego', text: 'package c\nx := 1 if true\nx := 2 if true\n' }] });
  assert.throws(() => policy.prepare('data.c.x').eval(), (e: unknown) => e instanceof RegoError && e.code === 'eval_conflict_error');
});

test('recursive rules are a compile error, not a stack overflow', () => {
  assert.throws(
    () => Policy.compile({ modules: [{ file: 'r.rego', text: 'package r\np if q\nq if p\n' }] }),
    (e: unknown) => e instanceof RegoError && e.code === 'rego_recursion_error' && e.message.startsWith('r.rego:'),
  );
});

test('deeply nested input does not crash the process', () => {
  let deep: Value = 1;
  for (let i = 0; i < 200_000; i++) deep = { a: deep };
  const policy = Policy.compile({ modules: [{ file: 'd.rego', text: 'package d\nn := count([x | walk(input, [_, x])])\n' }] });
  let outcome: string;
  try {
    const r = policy.prepare('data.d.n').eval({ input: deep, strictBuiltinErrors: true });
    outcome = `ok ${r.length}`;
  } catch (e) {
    outcome = e instanceof RegoError ? e.code : `crash ${String(e)}`;
  }
  assert.ok(outcome.startsWith('ok') || outcome.startsWith('eval_'), outcome);
});

test('evaluation stops with a clear error when the time limit is exceeded', () => {
  const policy = Policy.compile({ modules: [{ file: 's.rego', text: 'package s\nn := count([1 | some a in input; some b in input; some c in input])\n' }] });
  const input = Array.from({ length: 300 }, (_, i) => i);
  assert.throws(
    () => policy.prepare('data.s.n').eval({ input, timeoutMs: 50 }),
    (e: unknown) => e instanceof RegoError && e.code === 'eval_cancel_error' && /time limit/.test(e.message),
  );
});

test('compile errors: unsafe variables and arity mismatches are reported with the file and line', () => {
  assert.throws(
    () => Policy.compile({ modules: [{ file: 'u.rego', text: 'package u\n\np if {\n  x > 1\n}\n' }] }),
    (e: unknown) => e instanceof RegoError && e.code === 'rego_unsafe_var_error' && e.message === 'u.rego:4: rego_unsafe_var_error: var x is unsafe',
  );
  assert.throws(
    () => Policy.compile({ modules: [{ file: 'a.rego', text: 'package a\n\np if count(1, 2, 3)\n' }] }),
    (e: unknown) => e instanceof RegoError && e.code === 'rego_type_error' && e.message.startsWith('a.rego:3: rego_type_error: count: arity mismatch'),
  );
  assert.throws(
    () => Policy.compile({ modules: [{ file: 'f.rego', text: 'package f\n\np if nope(1)\n' }] }),
    (e: unknown) => e instanceof RegoError && e.message === 'f.rego:3: rego_type_error: undefined function nope',
  );
});

test('a lone query expression reports false values like opa eval; with several expressions false fails', () => {
  const policy = Policy.compile({ modules: [{ file: 'q.rego', text: 'package q\n\ndefault allow := false\n\nx := is_string(1)\n\nitems := [true, false]\n' }] });
  const values = (q: string): unknown[] => policy.prepare(q).eval().map((r) => r.expressions.map((e) => e.value));
  assert.deepEqual(values('data.q.allow'), [[false]]);
  assert.deepEqual(values('data.q.x'), [[false]]);
  assert.deepEqual(values('1 == 2'), [[false]]);
  assert.deepEqual(values('data.q.allow; true'), []);
  assert.deepEqual(values('data.q.items[_]'), [[true]]);
});
