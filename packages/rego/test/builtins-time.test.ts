import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultBuiltins } from '../src/index.js';
import type { BuiltinContext, Value } from '../src/index.js';

const registry = defaultBuiltins();
const ctx: BuiltinContext = { nowNs: 1700000000123456789n, print: () => undefined, cache: new Map(), strictBuiltinErrors: true };
function call(name: string, ...args: Value[]): Value | undefined {
  const decl = registry.get(name);
  assert.ok(decl, `builtin ${name} is registered`);
  return decl.impl(args, ctx);
}

test('time.now_ns is the evaluation clock, exact beyond 2^53', () => {
  assert.equal(call('time.now_ns'), 1700000000123456789n);
});

test('time.format with Go layouts, named layouts and IANA zones', () => {
  const ns = 1670006453141828752n;
  assert.equal(call('time.format', ns), '2022-12-02T18:40:53.141828752Z');
  assert.equal(call('time.format', [ns, 'America/New_York', 'Monday, 02-Jan-06 3:04PM MST']), 'Friday, 02-Dec-22 1:40PM EST');
  assert.equal(call('time.format', [ns, 'UTC', 'Jan _2 2006 .000 002']), 'Dec  2 2022 .141 336');
  assert.equal(call('time.format', [ns, 'Asia/Kolkata', 'RFC822Z']), '03 Dec 22 00:10 +0530');
  assert.equal(call('time.format', [ns, 'Asia/Kolkata', 'MST']), '+0530');
  assert.equal(call('time.format', [ns, '', 'UnixDate']), 'Fri Dec  2 18:40:53 UTC 2022');
  assert.throws(() => call('time.format', [ns, 'Nowhere/City']), /unknown time zone Nowhere\/City/);
});

test('time.parse_ns: layouts, fractional seconds, offsets, 12-hour clock, errors', () => {
  assert.equal(call('time.parse_ns', '2006-01-02 15:04:05', '2020-02-29 12:00:00.5'), 1582977600500000000n);
  assert.equal(call('time.parse_ns', 'Jan 2 2006 3:04PM -07:00', 'Feb 3 2021 1:05AM +01:00'), 1612310700000000000n);
  assert.equal(call('time.parse_rfc3339_ns', '1970-01-01T00:00:01.000000001Z'), 1000000001);
  assert.throws(() => call('time.parse_ns', '2006-01-02', '2021-02-29'), /day out of range/);
  assert.throws(() => call('time.parse_ns', '2006-01-02', '2021-02-01x'), /extra text/);
});

test('durations, calendar fields, add_date normalisation and diff', () => {
  assert.equal(call('time.parse_duration_ns', '1h2m3.5s'), 3723500000000);
  assert.equal(call('time.parse_duration_ns', '-1.5µs'), -1500);
  assert.throws(() => call('time.parse_duration_ns', '5x'), /unknown unit "x"/);
  assert.deepEqual(call('time.date', [0, 'Pacific/Honolulu']), [1969, 12, 31]);
  assert.deepEqual(call('time.clock', -1), [23, 59, 59]);
  assert.equal(call('time.weekday', 0), 'Thursday');
  assert.equal(call('time.add_date', 1580428800000000000n, 0, 1, 0), 1583107200000000000n); // Jan 31 + 1 month = Mar 2 (2020)
  assert.deepEqual(call('time.diff', 0, 1583107200000000000n), [50, 2, 1, 0, 0, 0]);
});
