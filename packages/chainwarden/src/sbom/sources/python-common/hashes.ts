import type { Hash, HashAlgorithm } from '../../model.js';

const ALGORITHMS: Readonly<Record<string, readonly [HashAlgorithm, number]>> = {
  md5: ['MD5', 32],
  sha1: ['SHA-1', 40],
  sha256: ['SHA-256', 64],
  sha384: ['SHA-384', 96],
  sha512: ['SHA-512', 128],
};

/** `sha256:<hex>` (the form every Python lockfile uses) → Hash; undefined for unknown algorithms or malformed digests. */
export function parsePythonHash(text: string): Hash | undefined {
  const m = /^([a-z0-9]+)[:=]([0-9a-fA-F]+)$/.exec(text.trim());
  if (m === null) return undefined;
  const spec = ALGORITHMS[(m[1] as string).toLowerCase()];
  const hex = (m[2] as string).toLowerCase();
  if (spec === undefined || hex.length !== spec[1]) return undefined;
  return { alg: spec[0], content: hex };
}
