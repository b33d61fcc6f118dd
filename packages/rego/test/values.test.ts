import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare, equal, keyOf, makeObject, makeSet, parseJson, toJsonText } from '../src/index.js';
import type { Value } from '../src/index.js';

test('OPA total order across kinds: null < boolean < number < string < array < object < set', () => {
  const ordered: Value[] = [null, false, true, -1, 1.5, 2, '', 'a', [], [1], {}, { a: 1 }, makeSet([]), makeSet([1])];
  for (let i = 0; i + 1 < ordered.length; i++) assert.ok(compare(ordered[i] as Value, ordered[i + 1] as Value) < 0, `index ${i}`);
});

test('equality is structural: 1 == 1.0, sets in any order, objects in any key order', () => {
  assert.ok(equal(1, 1.0));
  assert.ok(equal(makeSet([1, 2, 3]), makeSet([3, 2, 1])));
  assert.ok(equal({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(!equal([1, 2], [2, 1]));
  assert.ok(!equal('1', 1));
  assert.equal(keyOf(makeObject([[1, 'x']])), keyOf(makeObject([[1.0, 'x']])));
});

test('integers beyond 2^53 stay exact through the JSON reader and writer', () => {
  const v = parseJson('{"ts": 1700000000000000000123, "small": 5, "f": 0.5}');
  assert.equal(toJsonText(v), '{"f":0.5,"small":5,"ts":1700000000000000000123}');
  assert.ok(!equal(parseJson('9007199254740993'), parseJson('9007199254740992')));
});

test('sets and objects with non-string keys serialise deterministically', () => {
  assert.equal(toJsonText(makeSet(['b', 'a', 'c'])), '["a","b","c"]');
  assert.equal(toJsonText(makeObject([[[1, 2], 'x']])), '{"[1,2]":"x"}');
});
