import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';

const call = callBuiltin;

test('RE2 syntax is translated: ASCII \\s, \\Q..\\E, literal braces, POSIX classes, (?i), \\z, named groups', () => {
  assert.equal(call('regex.match', '^a\\sb$', 'a b'), true);
  assert.equal(call('regex.match', '^a\\sb$', 'a\u00a0b'), false);
  assert.equal(call('regex.match', '^\\Qa.b*\\E$', 'a.b*'), true);
  assert.equal(call('regex.match', '^a{$', 'a{'), true);
  assert.equal(call('regex.match', '^a{2}$', 'aa'), true);
  assert.equal(call('regex.match', '^[[:alpha:]]+$', 'abcXYZ'), true);
  assert.equal(call('regex.match', '^[[:digit:]]+$', '12a'), false);
  assert.equal(call('regex.match', '(?i)^abc$', 'ABC'), true);
  assert.equal(call('regex.match', 'a\\z', 'a\n'), false);
  assert.equal(call('regex.match', '^.$', '\r'), true);
  assert.deepEqual(call('regex.find_all_string_submatch_n', '(?P<k>\\w+)=(\\d+)', 'a=1 b=2', -1), [
    ['a=1', 'a', '1'],
    ['b=2', 'b', '2'],
  ]);
});

test('RE2 rejects what JavaScript would accept: backreferences, lookaround, bad repeats', () => {
  assert.equal(call('regex.is_valid', '(a)\\1'), false);
  assert.equal(call('regex.is_valid', 'a(?=b)'), false);
  assert.equal(call('regex.is_valid', 'a{1001}'), false);
  assert.equal(call('regex.is_valid', 'a**'), false);
  assert.equal(call('regex.is_valid', 5), false);
  assert.throws(() => call('regex.match', '(', 'x'), /regex.match: error parsing regexp: missing closing \)/);
});

test('Go FindAll, Split and ReplaceAll semantics around empty matches and templates', () => {
  assert.deepEqual(call('regex.find_n', 'a*', 'baaab', -1), ['', 'aaa', '']);
  assert.deepEqual(call('regex.split', 'x*', 'axbc'), ['a', 'b', 'c']);
  assert.deepEqual(call('regex.split', ',', ''), ['']);
  assert.equal(call('regex.replace', 'k=v;x=y', '(\\w)=(\\w)', '${2}=$1'), 'v=k;y=x');
  assert.equal(call('regex.replace', 'ab', 'a', '$$'), '$b');
  assert.equal(call('regex.replace', 'ab', '(a)', '$1x'), 'b');
});

test('glob.match: separators, super-asterisk, classes, alternatives, null delimiters', () => {
  assert.equal(call('glob.match', '*.example.com', ['.'], 'a.b.example.com'), false);
  assert.equal(call('glob.match', '**.example.com', ['.'], 'a.b.example.com'), true);
  assert.equal(call('glob.match', '*', null, 'a.b'), true);
  assert.equal(call('glob.match', 'a/?/c', ['/'], 'a/b/c'), true);
  assert.equal(call('glob.match', '{x,y[0-9]}z', [], 'y7z'), true);
  assert.equal(call('glob.match', '\\*', [], '*'), true);
  assert.throws(() => call('glob.match', '[a', [], 'a'), /glob.match: unexpected end of input/);
  assert.equal(call('glob.quote_meta', '*.{a,b}'), '\\*.\\{a\\,b\\}');
});

test('regex.globs_match decides whether two patterns share a string', () => {
  assert.equal(call('regex.globs_match', 'a.*', '.*b'), true);
  assert.equal(call('regex.globs_match', '[a-c]+', '[d-f]+'), false);
  assert.equal(call('regex.globs_match', 'ab?c', 'ac'), true);
});
