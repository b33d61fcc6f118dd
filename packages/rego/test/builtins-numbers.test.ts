import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';

const call = callBuiltin;

test('rounding follows Go (half away from zero) and keeps big integers', () => {
  assert.equal(call('round', -2.5), -3);
  assert.equal(call('round', 2.5), 3);
  assert.equal(call('ceil', -0.5), 0);
  assert.equal(call('abs', -5.5), 5.5);
  assert.equal(call('abs', -123456789012345678901n), 123456789012345678901n);
  assert.equal(call('floor', 10000000000000000000000n), 10000000000000000000000n);
});

test('bits operate on exact integers', () => {
  assert.equal(call('bits.lsh', 1, 64), 18446744073709551616n);
  assert.equal(call('bits.negate', 0), -1);
  assert.throws(() => call('bits.rsh', 1, -1), /operand 2 must be an unsigned integer number but got a negative integer/);
});

test('to_number parses like strconv.ParseFloat and keeps big integer text exact', () => {
  assert.equal(call('to_number', '123456789012345678901'), 123456789012345678901n);
  assert.equal(call('to_number', '-1.5e3'), -1500);
  assert.throws(() => call('to_number', '0x10'), /invalid syntax/);
});

test('units.parse and units.parse_bytes: decimal, binary and milli suffixes, exact results', () => {
  assert.equal(call('units.parse', '1.5Ki'), 1536);
  assert.equal(call('units.parse', '250m'), 0.25);
  assert.equal(call('units.parse', '10E'), 10000000000000000000n);
  assert.equal(call('units.parse_bytes', '1.5KiB'), 1536);
  assert.equal(call('units.parse_bytes', '1mb'), 1000000);
  assert.throws(() => call('units.parse_bytes', '1 mb'), /spaces not allowed/);
  assert.throws(() => call('units.parse', 'Mi'), /no amount provided/);
});

test('semver.compare orders pre-releases by SemVer 2.0.0 precedence', () => {
  assert.equal(call('semver.compare', '1.0.0-alpha', '1.0.0-alpha.1'), -1);
  assert.equal(call('semver.compare', '1.0.0-alpha.beta', '1.0.0-beta'), -1);
  assert.equal(call('semver.compare', '1.0.0-rc.1', '1.0.0'), -1);
  assert.equal(call('semver.compare', '1.0.0+build', '1.0.0'), 0);
  assert.equal(call('semver.is_valid', 'v1.0.0'), false);
  assert.throws(() => call('semver.compare', '1', '1.0.0'), /operand 1: string "1" is not a valid SemVer/);
});
