/** Keys for JWS: PEM certificates / public keys and JWK (sets), loaded with node:crypto. */
import { X509Certificate, createPrivateKey, createPublicKey, createSecretKey } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';

export class JoseKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JoseKeyError';
  }
}

export interface VerificationKey {
  readonly key: KeyObject;
  readonly alg: string;
  readonly kid: string;
}

export const JWS_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA']);

const PEM_BLOCK = /^\s*-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----[ \t]*(?:\r?\n)?/;

type Jwk = Record<string, unknown>;

function keyFromJwk(jwk: Jwk, usePrivate: boolean): KeyObject {
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new JoseKeyError('invalid oct key: missing "k"');
    return createSecretKey(Buffer.from(jwk.k, 'base64url'));
  }
  const input = { key: jwk as JsonWebKey, format: 'jwk' as const };
  return usePrivate && jwk.d !== undefined ? createPrivateKey(input) : createPublicKey(input);
}

function jwkList(text: string): Jwk[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new JoseKeyError(`failed to parse a JWK key (set): ${(e as Error).message}`, { cause: e });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new JoseKeyError('failed to parse a JWK key (set): not a JSON object');
  const o = parsed as Jwk;
  if (Array.isArray(o.keys)) return o.keys as Jwk[];
  return [o];
}

/** Verification keys from a PEM certificate, a PEM public key, a JWK or a JWK set. */
export function verificationKeys(text: string): VerificationKey[] {
  const m = PEM_BLOCK.exec(text);
  if (m) {
    if (text.slice(m[0].length).trim() !== '') throw new JoseKeyError('extra data after a PEM certificate block');
    const type = m[1] as string;
    if (type === 'CERTIFICATE') {
      try {
        return [{ key: new X509Certificate(m[0]).publicKey, alg: '', kid: '' }];
      } catch (e) {
        throw new JoseKeyError(`failed to parse a PEM certificate: ${(e as Error).message}`, { cause: e });
      }
    }
    if (type === 'PUBLIC KEY') {
      try {
        return [{ key: createPublicKey(m[0]), alg: '', kid: '' }];
      } catch (e) {
        throw new JoseKeyError(`failed to parse a PEM public key: ${(e as Error).message}`, { cause: e });
      }
    }
    throw new JoseKeyError('failed to extract a Key from the PEM certificate');
  }
  const out: VerificationKey[] = [];
  for (const jwk of jwkList(text)) {
    const alg = typeof jwk.alg === 'string' ? jwk.alg : '';
    if (alg !== '' && !JWS_ALGORITHMS.has(alg)) continue;
    let key: KeyObject;
    try {
      key = keyFromJwk(jwk, false);
    } catch (e) {
      throw new JoseKeyError(`failed to parse a JWK key (set): ${(e as Error).message}`, { cause: e });
    }
    out.push({ key, alg, kid: typeof jwk.kid === 'string' ? jwk.kid : '' });
  }
  return out;
}

/** The first key of a JWK (set) in JSON text, as a signing key. */
export function signingKey(text: string): KeyObject {
  const list = jwkList(text);
  const first = list[0];
  if (!first) throw new JoseKeyError('no keys found in JWK set');
  try {
    return keyFromJwk(first, true);
  } catch (e) {
    throw new JoseKeyError(`failed to parse JWK: ${(e as Error).message}`, { cause: e });
  }
}
