import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Digest algorithms for artefacts (names as in-toto's digest set and GNU coreutils use them). */
export type DigestAlgorithm = 'sha256' | 'sha512';
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

/** Hex length of each algorithm's digest (to recognise a checksum line's algorithm). */
export const DIGEST_HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 };

const CHUNK = 1024 * 1024;

/**
 * Digests a file in one pass, streaming: one reused 1 MiB buffer whatever the file's size, every requested
 * algorithm fed from the same read. Returns lowercase hex per algorithm.
 */
export async function digestFile(path: string, algorithms: readonly DigestAlgorithm[] = ['sha256']): Promise<Record<DigestAlgorithm, string>> {
  const hashes = algorithms.map((alg) => [alg, createHash(alg)] as const);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead);
      for (const [, hash] of hashes) hash.update(chunk);
    }
  } finally {
    await handle.close();
  }
  const out: Partial<Record<DigestAlgorithm, string>> = {};
  for (const [alg, hash] of hashes) out[alg] = hash.digest('hex');
  return out as Record<DigestAlgorithm, string>;
}
