/** The uuid builtin family: uuid.rfc4122 (random v4, stable per argument within one evaluation), uuid.parse. */
import { randomUUID } from 'node:crypto';
import { normBig } from '../value/num.js';
import { makeObject } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

/** 100-ns intervals between 1582-10-15 and 1970-01-01. */
const GREGORIAN_OFFSET = 122192928000000000n;
const DOMAINS = ['Person', 'Group', 'Org'];

/** The 16 bytes of a UUID in any of google/uuid's accepted forms, or undefined. */
function uuidBytes(input: string): Buffer | undefined {
  let s = input;
  if (s.length === 45 && s.slice(0, 9).toLowerCase() === 'urn:uuid:') s = s.slice(9);
  else if (s.length === 38) s = s.slice(1, 37);
  if (s.length === 36) {
    if (s[8] !== '-' || s[13] !== '-' || s[18] !== '-' || s[23] !== '-') return undefined;
    s = s.slice(0, 8) + s.slice(9, 13) + s.slice(14, 18) + s.slice(19, 23) + s.slice(24);
  }
  if (!/^[0-9a-fA-F]{32}$/.test(s)) return undefined;
  return Buffer.from(s, 'hex');
}

function variantOf(b: Buffer): string {
  const v = b[8] as number;
  if ((v & 0xc0) === 0x80) return 'RFC4122';
  if ((v & 0xe0) === 0xc0) return 'Microsoft';
  if ((v & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

function parseUuid(s: string): Value | undefined {
  const b = uuidBytes(s);
  if (!b) return undefined;
  const version = (b[6] as number) >> 4;
  const entries: [string, Value][] = [
    ['version', version],
    ['variant', variantOf(b)],
  ];
  if (version === 1 || version === 2) {
    const ticks = BigInt(b.readUInt32BE(0)) | (BigInt(b.readUInt16BE(4)) << 32n) | (BigInt(b.readUInt16BE(6) & 0xfff) << 48n);
    entries.push(['time', normBig((ticks - GREGORIAN_OFFSET) * 100n)]);
    entries.push(['clocksequence', b.readUInt16BE(8) & 0x3fff]);
    const node = b.subarray(10, 16);
    entries.push(['nodeid', [...node].map((x) => x.toString(16).padStart(2, '0')).join('-')]);
    const first = node[0] as number;
    entries.push(['macvariables', `${first & 0x02 ? 'local' : 'global'}:${first & 0x01 ? 'multicast' : 'unicast'}`]);
    if (version === 2) {
      entries.push(['id', b.readUInt32BE(0)]);
      entries.push(['domain', DOMAINS[b[9] as number] ?? `Domain${b[9] as number}`]);
    }
  }
  return makeObject(entries);
}

export const UUID_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'uuid.rfc4122',
    args: ['string'],
    nondeterministic: true,
    impl: ([k], ctx) => {
      const key = `uuid.rfc4122:${k as string}`;
      const hit = ctx.cache.get(key);
      if (typeof hit === 'string') return hit;
      const u = randomUUID();
      ctx.cache.set(key, u);
      return u;
    },
  },
  { name: 'uuid.parse', args: ['string'], impl: ([s]) => parseUuid(s as string) },
];
