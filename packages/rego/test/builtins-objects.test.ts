import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';
import { makeObject, makeSet } from '../src/index.js';

const call = callBuiltin;

test('object.get follows paths through objects, arrays and sets; non-string keys work', () => {
  const doc = { a: [{ b: 'x' }], s: makeSet(['k']) };
  assert.equal(call('object.get', doc, ['a', 0, 'b'], 'd'), 'x');
  assert.equal(call('object.get', doc, ['a', 1, 'b'], 'd'), 'd');
  assert.equal(call('object.get', doc, ['s', 'k'], 'd'), 'k');
  assert.deepEqual(call('object.get', doc, [], 'd'), doc);
  assert.equal(call('object.get', makeObject([[1, 'one']]), 1, 'd'), 'one');
});

test('object.union merges recursively (right wins); union_n folds left to right', () => {
  assert.deepEqual(call('object.union', { a: { b: 1, c: 2 }, x: 1 }, { a: { b: 3 }, x: { y: 1 } }), { a: { b: 3, c: 2 }, x: { y: 1 } });
  assert.deepEqual(call('object.union_n', [{ a: 1 }, { a: 2, b: 1 }, { b: 3 }]), { a: 2, b: 3 });
  assert.throws(() => call('object.union_n', [{ a: 1 }, 2]), /operand 1 must be array of objects but got array containing number/);
});

test('object.subset: objects recursively, arrays as contiguous runs, sets, arrays containing a set', () => {
  assert.equal(call('object.subset', { a: { b: 1, c: 2 }, d: 3 }, { a: { c: 2 } }), true);
  assert.equal(call('object.subset', [1, 2, 3, 4], [2, 3]), true);
  assert.equal(call('object.subset', [1, 2, 3, 4], [2, 4]), false);
  assert.equal(call('object.subset', [1, 2, 3], makeSet([3, 1])), true);
  assert.throws(() => call('object.subset', makeSet([1]), [1]), /operand 2 must be set but got array/);
});

test('json.filter / json.remove take slash paths or segment arrays; json.patch applies RFC 6902', () => {
  const doc = { a: { b: [10, 20, 30], c: 'x' }, 'k/1': 1 };
  assert.deepEqual(call('json.filter', doc, ['a/b/1', ['k/1']]), { a: { b: [20] }, 'k/1': 1 });
  assert.deepEqual(call('json.remove', doc, makeSet(['a/b', 'k~11'])), { a: { c: 'x' } });
  assert.deepEqual(
    call('json.patch', doc, [
      { op: 'add', path: '/a/b/-', value: 40 },
      { op: 'move', from: '/a/c', path: '/z' },
      { op: 'test', path: '/z', value: 'x' },
    ]),
    { a: { b: [10, 20, 30, 40] }, 'k/1': 1, z: 'x' },
  );
  assert.equal(call('json.patch', doc, [{ op: 'test', path: '/a/c', value: 'y' }]), undefined);
  assert.equal(call('json.patch', doc, [{ op: 'remove', path: '/nope' }]), undefined);
});

test('arrays, sets and graphs', () => {
  assert.deepEqual(call('array.slice', [1, 2, 3, 4], -5, 2), [1, 2]);
  assert.deepEqual(call('array.slice', [1, 2, 3], 2, 1), []);
  assert.deepEqual(call('array.flatten', [[1, [2]], 3]), [1, [2], 3]);
  assert.deepEqual(call('intersection', makeSet([makeSet([1, 2, 3]), makeSet([2, 3, 4])])), makeSet([2, 3]));
  assert.deepEqual(call('union', makeSet([])), makeSet([]));
  const g = { a: ['b'], b: ['c', 'a'], c: [], d: ['a'] };
  assert.deepEqual(call('graph.reachable', g, ['a']), makeSet(['a', 'b', 'c']));
  assert.deepEqual(call('graph.reachable_paths', g, makeSet(['d'])), makeSet([['d', 'a', 'b', 'c'], ['d', 'a', 'b']]));
});
