import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';
import { makeSet } from '../src/index.js';
import type { Value } from '../src/index.js';

const call = callBuiltin;

test('CIDR containment and intersection for IPv4 and IPv6', () => {
  assert.equal(call('net.cidr_contains', '10.0.0.0/8', '10.1.2.3'), true);
  assert.equal(call('net.cidr_contains', '10.0.0.0/8', '11.0.0.0/24'), false);
  assert.equal(call('net.cidr_contains', '2001:db8::/32', '2001:db8:1::1'), true);
  assert.equal(call('net.cidr_contains', '::ffff:0:0/96', '::ffff:10.0.0.1'), true);
  assert.equal(call('net.cidr_intersects', '10.0.0.0/30', '10.0.0.3/32'), true);
  assert.equal(call('net.cidr_is_valid', '10.0.0.0/33'), false);
});

test('cidr_merge prints canonical IPv6 and merges adjacent blocks', () => {
  assert.deepEqual(call('net.cidr_merge', ['2001:db8::/33', '2001:db8:8000::/33']), makeSet(['2001:db8::/32']));
  assert.deepEqual(call('net.cidr_merge', ['10.0.0.0/25', '10.0.0.128/25', '10.0.1.0/24']), makeSet(['10.0.0.0/23']));
});

test('cidr_expand lists hosts; network lookups are refused (hermetic)', () => {
  assert.deepEqual(call('net.cidr_expand', 'fe80::/127'), makeSet(['fe80::', 'fe80::1']));
  assert.throws(() => call('net.lookup_ip_addr', 'example.com'), /network builtins are not available/);
  assert.throws(() => call('http.send', { method: 'GET', url: 'http://127.0.0.1' }), /network builtins are not available/);
});

test('uuid.parse reads v1 fields; uuid.rfc4122 is stable per key within an evaluation', () => {
  const parsed = call('uuid.parse', 'c232ab00-9414-11ec-b3c8-9f6bdeced846') as Record<string, Value>;
  assert.equal(parsed.version, 1);
  assert.equal(parsed.variant, 'RFC4122');
  assert.equal(parsed.nodeid, '9f-6b-de-ce-d8-46');
  assert.equal(parsed.macvariables, 'local:multicast');
  assert.equal(call('uuid.parse', 'not-a-uuid'), undefined);
  assert.equal(call('uuid.rfc4122', 'k'), call('uuid.rfc4122', 'k'));
  assert.notEqual(call('uuid.rfc4122', 'k'), call('uuid.rfc4122', 'other'));
});
