/** The encoding builtin family: json, yaml, base64, base64url, hex, urlquery. */
import { parseDocument, stringify } from 'yaml';
import { isArray, isSet, kindOf } from '../value/kinds.js';
import { makeObject, objEntries, objGet } from '../value/object.js';
import { parseJson } from '../value/json.js';
import { sortedEntries } from '../value/compare.js';
import { toJson } from '../value/to-json.js';
import { fail } from './registry.js';
import { marshalJson, marshalJsonIndent } from './support/json-text.js';
import { operandError, stringElements } from './support/operands.js';
import { parseUrl } from './support/go-url.js';
import { parseQuery, queryEscape, queryUnescape } from './support/url.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const B64URL = /^(?:[A-Za-z0-9\-_]{4})*(?:[A-Za-z0-9\-_]{2}==|[A-Za-z0-9\-_]{3}=)?$/;
const B64URL_RAW = /^(?:[A-Za-z0-9\-_]{4})*(?:[A-Za-z0-9\-_]{2,3})?$/;

const utf8 = (b: Buffer): string => b.toString('utf8');

function badBase64(name: string, s: string, alphabet: RegExp): Error {
  let i = 0;
  while (i < s.length && alphabet.test(s[i] as string)) i++;
  return fail(name, `illegal base64 data at input byte ${Math.min(i, s.length)}`);
}

function unmarshalJson(name: string, s: string): Value {
  try {
    return parseJson(s);
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

/** yaml.v2-style messages: `yaml: line N: ...`. */
function yamlMessage(e: { code: string; message: string; linePos?: readonly { line: number }[] }): string {
  const line = e.linePos?.[0]?.line ?? 1;
  let msg = e.message.split(' at line ')[0] ?? e.message;
  if (/^Flow sequence/.test(msg)) msg = "did not find expected ',' or ']'";
  else if (/^Flow map/.test(msg)) msg = "did not find expected ',' or '}'";
  return `yaml: line ${line}: ${msg}`;
}

function parseYaml(s: string): Value {
  const doc = parseDocument(s, { version: '1.1', uniqueKeys: false });
  const e = doc.errors[0];
  if (e) throw new Error(yamlMessage(e));
  return fromYaml(doc.toJS({ maxAliasCount: 1000 }) as unknown);
}

function fromYaml(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(fromYaml);
  if (v instanceof Map) return makeObject([...v.entries()].map(([k, x]) => [typeof k === 'string' ? k : String(k), fromYaml(x)] as const));
  if (v instanceof Set) return [...v].map(fromYaml);
  return makeObject(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromYaml(x)] as const));
}

const MARSHAL_OPTIONS = ['indent', 'prefix', 'pretty'];

function marshalWithOptions(v: Value, opts: ObjectValue): string {
  for (const [k, x] of objEntries(opts)) {
    if (typeof k !== 'string' || !MARSHAL_OPTIONS.includes(k)) throw operandError('json.marshal_with_options', 2, `object contained unknown key ${JSON.stringify(toJson(k))}`);
    if (k === 'pretty' && typeof x !== 'boolean') throw operandError('json.marshal_with_options', 2, `pretty value must be a boolean but got ${kindOf(x)}`);
    if (k !== 'pretty' && typeof x !== 'string') throw operandError('json.marshal_with_options', 2, `${k} value must be a string but got ${kindOf(x)}`);
  }
  const pretty = objGet(opts, 'pretty');
  const indent = objGet(opts, 'indent') as string | undefined;
  const prefix = objGet(opts, 'prefix') as string | undefined;
  const on = pretty === true || (pretty === undefined && (indent !== undefined || prefix !== undefined));
  if (!on) return marshalJson(v);
  return marshalJsonIndent(v, prefix ?? '', indent ?? '\t');
}

function encodeObject(o: ObjectValue): string {
  const parts: string[] = [];
  for (const [k, v] of sortedEntries(o)) {
    if (typeof k !== 'string') throw operandError('urlquery.encode_object', 1, `must be object[string: string|array|set] but got object containing ${kindOf(k)} key`);
    const values = typeof v === 'string' ? [v] : isArray(v) || isSet(v) ? stringElements('urlquery.encode_object', 1, v) : null;
    if (values === null) throw operandError('urlquery.encode_object', 1, 'values must be string, array[string], or set[string]');
    for (const x of values) parts.push(`${queryEscape(k)}=${queryEscape(x)}`);
  }
  return parts.join('&');
}

function uriObject(s: string): Value {
  const u = parseUrl(s);
  const fields: [string, string][] = [
    ['scheme', u.scheme],
    ['hostname', u.hostname],
    ['port', u.port],
    ['path', u.path],
    ['raw_path', u.path === '' ? '' : u.rawPath],
    ['raw_query', u.rawQuery],
    ['fragment', u.fragment],
  ];
  return makeObject(fields.filter(([, v]) => v !== ''));
}

function guard<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

export const ENCODING_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'json.marshal', args: ['any'], impl: ([v]) => marshalJson(v as Value) },
  { name: 'json.marshal_with_options', args: ['any', 'object'], impl: ([v, o]) => marshalWithOptions(v as Value, o as ObjectValue) },
  { name: 'json.unmarshal', args: ['string'], impl: ([s]) => unmarshalJson('json.unmarshal', s as string) },
  {
    name: 'json.is_valid',
    args: ['any'],
    impl: ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    },
  },
  {
    name: 'yaml.marshal',
    args: ['any'],
    impl: ([v]) => stringify(toJson(v as Value), { version: '1.1', indentSeq: false, lineWidth: 0 }),
  },
  { name: 'yaml.unmarshal', args: ['string'], impl: ([s]) => guard('yaml.unmarshal', () => parseYaml(s as string)) },
  {
    name: 'yaml.is_valid',
    args: ['any'],
    impl: ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        parseYaml(s);
        return true;
      } catch {
        return false;
      }
    },
  },
  { name: 'base64.encode', args: ['string'], impl: ([s]) => Buffer.from(s as string, 'utf8').toString('base64') },
  {
    name: 'base64.decode',
    args: ['string'],
    impl: ([s]) => {
      if (!B64.test(s as string)) throw badBase64('base64.decode', s as string, /[A-Za-z0-9+/]/);
      return utf8(Buffer.from(s as string, 'base64'));
    },
  },
  { name: 'base64.is_valid', args: ['string'], impl: ([s]) => B64.test(s as string) },
  { name: 'base64url.encode', args: ['string'], impl: ([s]) => Buffer.from(s as string, 'utf8').toString('base64url').padEnd(Math.ceil(Buffer.byteLength(s as string) / 3) * 4, '=') },
  { name: 'base64url.encode_no_pad', args: ['string'], impl: ([s]) => Buffer.from(s as string, 'utf8').toString('base64url') },
  {
    name: 'base64url.decode',
    args: ['string'],
    impl: ([s]) => {
      const str = s as string;
      if (!B64URL.test(str) && !B64URL_RAW.test(str)) throw badBase64('base64url.decode', str, /[A-Za-z0-9\-_]/);
      return utf8(Buffer.from(str, 'base64url'));
    },
  },
  { name: 'hex.encode', args: ['string'], impl: ([s]) => Buffer.from(s as string, 'utf8').toString('hex') },
  {
    name: 'hex.decode',
    args: ['string'],
    impl: ([s]) => {
      const str = s as string;
      const bad = /[^0-9A-Fa-f]/u.exec(str);
      if (bad) throw fail('hex.decode', `encoding/hex: invalid byte: U+${(bad[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(bad[0]).replace(/^"|"$/g, "'")}`);
      if (str.length % 2 !== 0) throw fail('hex.decode', 'encoding/hex: odd length hex string');
      return utf8(Buffer.from(str, 'hex'));
    },
  },
  { name: 'urlquery.encode', args: ['string'], impl: ([s]) => queryEscape(s as string) },
  { name: 'urlquery.decode', args: ['string'], impl: ([s]) => guard('urlquery.decode', () => queryUnescape(s as string)) },
  { name: 'urlquery.encode_object', args: ['object'], impl: ([o]) => encodeObject(o as ObjectValue) },
  {
    name: 'urlquery.decode_object',
    args: ['string'],
    impl: ([s]) => guard('urlquery.decode_object', () => makeObject([...parseQuery(s as string)].map(([k, vs]) => [k, vs] as const))),
  },
  { name: 'uri.parse', args: ['string'], impl: ([s]) => guard('uri.parse', () => uriObject(s as string)) },
  {
    name: 'uri.is_valid',
    args: ['string'],
    impl: ([s]) => {
      if (s === '') return false;
      try {
        parseUrl(s as string);
        return true;
      } catch {
        return false;
      }
    },
  },
];
