import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';
import { makeSet } from '../src/index.js';
import type { Value } from '../src/index.js';

const call = callBuiltin;

test('json.marshal writes sorted keys, sets as arrays, exact big integers and HTML-safe escapes', () => {
  assert.equal(call('json.marshal', { b: makeSet([2, 1]), a: 12345678901234567890n }), '{"a":12345678901234567890,"b":[1,2]}');
  assert.equal(call('json.marshal', '<a&b>'), '"\\u003ca\\u0026b\\u003e"');
  assert.equal(call('json.marshal_with_options', { a: [1] }, { indent: '  ', prefix: '> ' }), '> {\n>   "a": [\n>     1\n>   ]\n> }');
  assert.throws(() => call('json.marshal_with_options', 1, { bogus: true }), /object contained unknown key "bogus"/);
});

test('json.unmarshal keeps big integers exact; is_valid never throws', () => {
  assert.deepEqual(call('json.unmarshal', '{"n": 123456789012345678901}'), { n: 123456789012345678901n });
  assert.equal(call('json.is_valid', '{'), false);
  assert.throws(() => call('json.unmarshal', '{'), /json.unmarshal:/);
});

test('yaml: YAML 1.1 scalars, Go-style errors', () => {
  assert.deepEqual(call('yaml.unmarshal', 'a: yes\nb: [1, "2"]\n'), { a: true, b: [1, '2'] });
  assert.throws(() => call('yaml.unmarshal', '[1,2'), /yaml\.unmarshal: yaml: line 1: did not find expected ',' or '\]'/);
  assert.equal(call('yaml.marshal', { k: ['x'] }), 'k:\n- x\n');
});

test('base64, base64url, hex and urlquery round trips and errors', () => {
  assert.equal(call('base64.encode', 'hé'), 'aMOp');
  assert.equal(call('base64.decode', 'aMOp'), 'hé');
  assert.throws(() => call('base64.decode', 'aMO'), /illegal base64 data at input byte/);
  assert.equal(call('base64url.encode', '\u00ff\u00fe'), 'w7_Dvg==');
  assert.equal(call('base64url.encode_no_pad', '\u00ff\u00fe'), 'w7_Dvg');
  assert.equal(call('base64url.decode', 'w7_Dvg'), '\u00ff\u00fe');
  assert.equal(call('hex.decode', '6869'), 'hi');
  assert.throws(() => call('hex.decode', '6g'), /invalid byte: U\+0067 'g'/);
  assert.equal(call('urlquery.encode', 'a b&c=d/é'), 'a+b%26c%3Dd%2F%C3%A9');
  assert.equal(call('urlquery.decode', 'a+b%26'), 'a b&');
  assert.throws(() => call('urlquery.decode', '%zz'), /invalid URL escape "%zz"/);
  assert.equal(call('urlquery.encode_object', { b: ['2', '1'], a: makeSet(['x']) }), 'a=x&b=2&b=1');
  assert.deepEqual(call('urlquery.decode_object', 'a=1&a=2&b='), { a: ['1', '2'], b: [''] });
});

test('uri.parse follows Go net/url: host, port, escaped path, opaque URLs, errors', () => {
  assert.deepEqual(call('uri.parse', 'https://[::1]:8443/a%2Fb%21?x=1#f'), {
    scheme: 'https',
    hostname: '::1',
    port: '8443',
    path: '/a/b!',
    raw_path: '/a%2Fb!',
    raw_query: 'x=1',
    fragment: 'f',
  });
  assert.deepEqual(call('uri.parse', 'urn:isbn:123'), { scheme: 'urn' });
  assert.throws(() => call('uri.parse', 'http://h:port/'), /invalid port ":port" after host/);
  assert.equal(call('uri.is_valid', 'http://[::1'), false);
});

test('json.match_schema reports gojsonschema-style violations; verify_schema checks types', () => {
  const schema = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, maxItems: 1 } }, required: ['id'], additionalProperties: false };
  assert.deepEqual(call('json.match_schema', { tags: ['a', 1], x: 1 }, schema), [
    false,
    [
      { error: '(root): id is required', desc: 'id is required', field: '(root)', type: 'required' },
      { error: 'tags: Array must have at most 1 items', desc: 'Array must have at most 1 items', field: 'tags', type: 'array_max_items' },
      { error: 'tags.1: Invalid type. Expected: string, given: integer', desc: 'Invalid type. Expected: string, given: integer', field: 'tags.1', type: 'invalid_type' },
      { error: '(root): Additional property x is not allowed', desc: 'Additional property x is not allowed', field: '(root)', type: 'additional_property_not_allowed' },
    ],
  ]);
  assert.deepEqual(call('json.verify_schema', '{"type": "string"}'), [true, null]);
  assert.equal((call('json.verify_schema', { type: 'text' }) as Value[])[0], false);
});
