/** JWS signing and verification per algorithm (RFC 7518) with node:crypto. */
import { constants, createHmac, sign, timingSafeEqual, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

const HASH: Readonly<Record<string, string>> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

function hashOf(alg: string): string {
  return HASH[alg.slice(2)] ?? 'sha256';
}

/** True when `signature` is a valid `alg` signature of `data` under `key`; false on any mismatch. */
export function verifyJws(alg: string, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    const family = alg.slice(0, 2);
    if (alg === 'EdDSA') return key.type === 'public' && verify(null, data, key, signature);
    if (family === 'HS') {
      if (key.type !== 'secret') return false;
      const mac = createHmac(hashOf(alg), key).update(data).digest();
      return mac.length === signature.length && timingSafeEqual(mac, signature);
    }
    if (key.type !== 'public') return false;
    if (family === 'RS') return key.asymmetricKeyType === 'rsa' && verify(hashOf(alg), data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    if (family === 'PS') return key.asymmetricKeyType === 'rsa' && verify(hashOf(alg), data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    if (family === 'ES') return key.asymmetricKeyType === 'ec' && verify(hashOf(alg), data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    return false;
  } catch {
    return false;
  }
}

/** Signs `data` with `alg`. */
export function signJws(alg: string, key: KeyObject, data: Buffer): Buffer {
  const family = alg.slice(0, 2);
  if (family === 'HS') return createHmac(hashOf(alg), key).update(data).digest();
  if (alg === 'EdDSA') return sign(null, data, key);
  if (family === 'RS') return sign(hashOf(alg), data, { key, padding: constants.RSA_PKCS1_PADDING });
  if (family === 'PS') return sign(hashOf(alg), data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  return sign(hashOf(alg), data, { key, dsaEncoding: 'ieee-p1363' });
}
