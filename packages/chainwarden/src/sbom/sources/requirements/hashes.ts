import type { Hash, HashAlgorithm } from '../../model.js';

/** `--hash` accepts the algorithms pip calls strong; URL fragments (`#sha256=…`) may also carry the weak ones. */
const STRONG: Readonly<Record<string, { alg: HashAlgorithm; hexLength: number }>> = {
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha384: { alg: 'SHA-384', hexLength: 96 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};
const WEAK: Readonly<Record<string, { alg: HashAlgorithm; hexLength: number }>> = {
  sha1: { alg: 'SHA-1', hexLength: 40 },
  md5: { alg: 'MD5', hexLength: 32 },
};

/** Parses `sha256:<hex>` from a `--hash` option; returns a message instead when it is not one. */
export function parseHashOption(value: string): Hash | string {
  const colon = value.indexOf(':');
  if (colon < 0) return `--hash needs <algorithm>:<hex digest>, got ${JSON.stringify(value)}`;
  return hashOf(value.slice(0, colon), value.slice(colon + 1), STRONG) ?? `invalid --hash ${JSON.stringify(value)} (pip accepts sha256, sha384 and sha512 hex digests)`;
}

/** A hash from a URL fragment parameter (`sha256=<hex>`), or undefined when the parameter is not a valid one. */
export function fragmentHash(alg: string, hex: string): Hash | undefined {
  return hashOf(alg, hex, { ...STRONG, ...WEAK });
}

function hashOf(alg: string, hex: string, table: Readonly<Record<string, { alg: HashAlgorithm; hexLength: number }>>): Hash | undefined {
  const spec = table[alg.toLowerCase()];
  if (spec === undefined || hex.length !== spec.hexLength || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  return { alg: spec.alg, content: hex.toLowerCase() };
}
