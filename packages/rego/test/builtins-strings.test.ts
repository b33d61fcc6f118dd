import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';
import { makeSet } from '../src/index.js';

const call = callBuiltin;

test('sprintf follows Go verbs: width, precision, flags, bad verbs, missing and extra operands', () => {
  assert.equal(call('sprintf', '%5d|%-5d|%05d|%+d', [42, 42, 42, 42]), '   42|42   |00042|+42');
  assert.equal(call('sprintf', '%x %X %o %b %#x', [255, 255, 8, 5, 255]), 'ff FF 10 101 0xff');
  assert.equal(call('sprintf', '%.3f %e %g %v', [3.14159, 1234.5678, 0.000012, 1e21]), '3.142 1.234568e+03 1.2e-05 1e+21');
  assert.equal(call('sprintf', '%s %v %v %v', [true, null, makeSet([2, 1]), { b: [1, 'x'] }]), 'true null {1, 2} {"b": [1, "x"]}');
  assert.equal(call('sprintf', '%q %.2s %%', ['a"b', 'hello']), '"a\\"b" he %');
  assert.equal(call('sprintf', '%d', ['x']), '%!d(string=x)');
  assert.equal(call('sprintf', '%s', [5]), '%!s(int=5)');
  assert.equal(call('sprintf', '%d %d', [1]), '1 %!d(MISSING)');
  assert.equal(call('sprintf', 'x', [1]), 'x%!(EXTRA int=1)');
  assert.equal(call('sprintf', '%d', [123456789012345678901234567890n]), '123456789012345678901234567890');
  assert.equal(call('sprintf', '%v', [1234567.5]), '1.2345675e+06');
});

test('string builtins index by code point', () => {
  assert.equal(call('indexof', '😀a😀b', 'b'), 3);
  assert.deepEqual(call('indexof_n', 'aXaXa', 'a'), [0, 2, 4]);
  assert.equal(call('substring', '😀abc', 1, 2), 'ab');
  assert.equal(call('strings.reverse', 'a😀b'), 'b😀a');
  assert.deepEqual(call('split', 'a😀', ''), ['a', '😀']);
  assert.equal(call('strings.count', 'cheese', ''), 7);
});

test('trim family uses cutsets and Go whitespace', () => {
  assert.equal(call('trim', 'xxhixyx', 'xy'), 'hi');
  assert.equal(call('trim_left', 'aab', 'a'), 'b');
  assert.equal(call('trim_right', 'baa', 'a'), 'b');
  assert.equal(call('trim_suffix', 'file.rego', '.rego'), 'file');
  assert.equal(call('trim_space', '\u00a0\t hi \u0085'), 'hi');
  assert.equal(call('trim_space', '\ufeffhi'), '\ufeffhi');
});

test('strings.replace_n replaces with sorted keys, leftmost match first, without rescanning output', () => {
  assert.equal(call('strings.replace_n', { a: 'b', b: 'a' }, 'ab'), 'ba');
  assert.equal(call('strings.replace_n', { ab: '1', a: '2' }, 'aab'), '22b');
  assert.throws(() => call('strings.replace_n', { a: 1 }, 'a'), /non-string value found in pattern object/);
});

test('concat, format_int and type errors use OPA wording', () => {
  assert.equal(call('concat', ',', makeSet(['b', 'a'])), 'a,b');
  assert.throws(() => call('concat', ',', ['a', 1]), /operand 2 must be array of strings but got array containing number/);
  assert.equal(call('format_int', -15.9, 16), '-f');
  assert.throws(() => call('format_int', 1, 3), /operand 2 must be one of \{2, 8, 10, 16\}/);
  assert.throws(() => call('strings.any_prefix_match', 1, 'a'), /operand 1 must be one of \{string, set, array\} but got number/);
});

test('strings.render_template: fields, variables, range/if/else, pipelines and functions', () => {
  const vars = { user: { name: 'ann' }, items: ['a', 'b'], n: 2, flags: { on: true } };
  assert.equal(call('strings.render_template', 'hi {{.user.name}}', vars), 'hi ann');
  assert.equal(call('strings.render_template', '{{range $i, $x := .items}}{{if $i}}, {{end}}{{$x}}{{end}}', vars), 'a, b');
  assert.equal(call('strings.render_template', '{{if eq .n 3}}three{{else if gt .n 1}}many{{else}}one{{end}}', vars), 'many');
  assert.equal(call('strings.render_template', '{{with .flags}}{{.on}}{{end}} {{len .items}} {{printf "%03d" .n}} {{.nope}}', vars), 'true 2 002 <undefined>');
  assert.equal(call('strings.render_template', '{{- "x" -}}  \n {{ index .items 1 | print }}', vars), 'xb');
  assert.throws(() => call('strings.render_template', '{{if .n}}', vars), /strings.render_template: template: unexpected EOF in if/);
});
