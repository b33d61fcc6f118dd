/** The net builtin family: net.cidr_* over IPv4/IPv6; DNS lookups are not available (hermetic). */
import { isArray, isObject, isSet, kindOf } from '../value/kinds.js';
import { makeSet, objEntries, objKeys } from '../value/object.js';
import { sortedValues } from '../value/compare.js';
import { fail } from './registry.js';
import { bitsOf, formatCidr, formatIp, lastOf, mask, parseCidr, parseIp } from './support/ip.js';
import { operandError, stringElements } from './support/operands.js';
import type { Net } from './support/ip.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

/** A CIDR, or a bare address as a full-length network. */
function netOf(s: string): Net | undefined {
  const c = parseCidr(s);
  if (c) return c;
  const ip = parseIp(s);
  return ip ? { v6: ip.v6, addr: ip.addr, base: ip.addr, prefix: bitsOf(ip.v6) } : undefined;
}

function cidrArg(name: string, s: string): Net {
  const n = parseCidr(s);
  if (!n) throw fail(name, `invalid CIDR address: ${s}`);
  return n;
}

function contains(outer: Net, inner: Net): boolean {
  return outer.v6 === inner.v6 && inner.base >= outer.base && lastOf(inner) <= lastOf(outer);
}

function intersects(a: Net, b: Net): boolean {
  return a.v6 === b.v6 && a.base <= lastOf(b) && b.base <= lastOf(a);
}

/** (key, address text) pairs of a cidr_contains_matches operand. */
function keyed(pos: number, v: Value): [Value, string][] {
  const bad = (): Error => fail('net.cidr_contains_matches', `operand ${pos}: element must be string or non-empty array`);
  const text = (x: Value): string => {
    if (typeof x === 'string') return x;
    if (isArray(x) && typeof x[0] === 'string') return x[0];
    throw bad();
  };
  if (typeof v === 'string') return [[v, v]];
  if (isArray(v)) return v.map((x, i) => [i, text(x)]);
  if (isSet(v)) return sortedValues(v).map((x) => [x, text(x)]);
  if (isObject(v)) return [...objEntries(v)].map(([k, x]) => [k, text(x)]);
  throw fail('net.cidr_contains_matches', `operand ${pos} must be one of {string, array, set, object} but got ${kindOf(v)}`);
}

/** Minimal CIDR blocks covering [start, end]. */
function blocks(start: bigint, end: bigint, v6: boolean, out: string[]): void {
  const bits = bitsOf(v6);
  let cur = start;
  while (cur <= end) {
    let size = 0;
    while (size < bits && (cur & ((1n << BigInt(size + 1)) - 1n)) === 0n && cur + (1n << BigInt(size + 1)) - 1n <= end) size++;
    out.push(formatCidr(cur, bits - size, v6));
    cur += 1n << BigInt(size);
  }
}

function merge(items: readonly string[]): string[] {
  const nets: Net[] = [];
  for (const s of items) {
    const n = parseCidr(s);
    if (n) nets.push(n);
    else {
      const ip = parseIp(s);
      if (!ip) throw fail('net.cidr_merge', `invalid CIDR address: ${s}`);
      if (ip.v6) throw fail('net.cidr_merge', 'IPv6 invalid: needs prefix length');
      // a bare IPv4 address takes its classful default mask (Go's IP.DefaultMask)
      const first = Number(ip.addr >> 24n);
      const prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
      nets.push({ v6: false, addr: ip.addr, base: ip.addr & mask(prefix, 32), prefix });
    }
  }
  const out: string[] = [];
  for (const v6 of [false, true]) {
    const ranges = nets
      .filter((n) => n.v6 === v6)
      .map((n) => [n.base, lastOf(n)] as [bigint, bigint])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const merged: [bigint, bigint][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1n) last[1] = r[1] > last[1] ? r[1] : last[1];
      else merged.push([r[0], r[1]]);
    }
    for (const [a, b] of merged) blocks(a, b, v6, out);
  }
  return out;
}

const EXPAND_LIMIT = 1n << 20n;

/** The request keys http.send accepts (checked so policies get OPA's errors even without a network). */
const HTTP_SEND_KEYS = new Set([
  'body', 'cache', 'caching_mode', 'cache_ignored_headers', 'enable_redirect', 'force_cache', 'force_cache_duration_seconds', 'force_json_decode', 'force_yaml_decode',
  'headers', 'max_retry_attempts', 'method', 'raise_error', 'raw_body', 'timeout', 'tls_ca_cert', 'tls_ca_cert_env_variable', 'tls_ca_cert_file', 'tls_client_cert',
  'tls_client_cert_env_variable', 'tls_client_cert_file', 'tls_client_key', 'tls_client_key_env_variable', 'tls_client_key_file', 'tls_insecure_skip_verify',
  'tls_server_name', 'tls_use_system_certs', 'url',
]);

export const NET_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'net.cidr_contains',
    args: ['string', 'string'],
    impl: ([a, b]) => {
      const outer = cidrArg('net.cidr_contains', a as string);
      const inner = netOf(b as string);
      if (!inner) throw fail('net.cidr_contains', `invalid CIDR address: ${b as string}`);
      return contains(outer, inner);
    },
  },
  {
    name: 'net.cidr_intersects',
    args: ['string', 'string'],
    impl: ([a, b]) => intersects(cidrArg('net.cidr_intersects', a as string), cidrArg('net.cidr_intersects', b as string)),
  },
  { name: 'net.cidr_is_valid', args: ['any'], impl: ([s]) => typeof s === 'string' && parseCidr(s) !== undefined },
  {
    name: 'net.cidr_expand',
    args: ['string'],
    impl: ([s]) => {
      const n = cidrArg('net.cidr_expand', s as string);
      const last = lastOf(n);
      if (last - n.base >= EXPAND_LIMIT) throw fail('net.cidr_expand', `CIDR ${s as string} is too large to expand`);
      const out: string[] = [];
      for (let a = n.base; a <= last; a++) out.push(formatIp(a, n.v6));
      return makeSet(out);
    },
  },
  {
    name: 'net.cidr_contains_matches',
    args: ['any', 'any'],
    impl: ([a, b]) => {
      const cidrs = keyed(1, a as Value);
      const addrs = keyed(2, b as Value);
      const out: Value[] = [];
      for (const [ck, c] of cidrs) {
        const outer = cidrArg('net.cidr_contains_matches', c);
        for (const [ak, x] of addrs) {
          const inner = netOf(x);
          if (inner && contains(outer, inner)) out.push([ck, ak]);
        }
      }
      return makeSet(out);
    },
  },
  {
    name: 'net.cidr_merge',
    args: [['array', 'set']],
    impl: ([xs]) => makeSet(merge(stringElements('net.cidr_merge', 1, xs as Value))),
  },
  {
    name: 'net.lookup_ip_addr',
    args: ['string'],
    impl: ([s]) => {
      const ip = parseIp(s as string);
      if (ip) return makeSet([formatIp(ip.addr, ip.v6)]);
      // RFC 6761: localhost always names the loopback address; no resolver is consulted
      if ((s as string).toLowerCase() === 'localhost') return makeSet(['127.0.0.1']);
      throw fail('net.lookup_ip_addr', 'network builtins are not available in a hermetic evaluation');
    },
  },
  {
    name: 'http.send',
    args: ['object'],
    impl: ([req]) => {
      const keys = objKeys(req as ObjectValue);
      const invalid = keys.filter((k) => typeof k !== 'string' || !HTTP_SEND_KEYS.has(k));
      if (invalid.length > 0) throw operandError('http.send', 1, `invalid request parameters(s): {${invalid.map((k) => JSON.stringify(k)).sort().join(', ')}}`);
      const missing = ['method', 'url'].filter((k) => !keys.includes(k));
      if (missing.length > 0) throw operandError('http.send', 1, `missing required request parameters(s): {${missing.map((k) => JSON.stringify(k)).join(', ')}}`);
      throw fail('http.send', 'network builtins are not available in a hermetic evaluation');
    },
  },
];

