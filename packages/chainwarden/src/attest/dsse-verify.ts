/**
 * Plain DSSE verification (no Sigstore bundle): each signature is checked over PAE(payloadType, payload) against
 * the trusted keys; the envelope verifies when at least `threshold` DISTINCT keys signed (one key signing twice
 * counts once). ECDSA signatures are accepted DER-encoded or IEEE P1363 (raw r‖s), as real producers use both.
 */
import type { KeyObject } from 'node:crypto';
import { verify } from 'node:crypto';
import type { DsseEnvelope } from './dsse.js';
import { decodeBase64, dssePayloadBytes, IN_TOTO_PAYLOAD_TYPE, preAuthEncoding } from './dsse.js';

export interface DsseTrustedKey {
  /** A name for messages (the policy's or the caller's). Signatures' keyids are hints only: every key is tried. */
  readonly id: string;
  readonly key: KeyObject;
}

export interface DsseVerifyOptions {
  readonly keys: readonly DsseTrustedKey[];
  /** Distinct keys that must have signed; default 1. */
  readonly threshold?: number;
  /** Payload types the caller understands; default: in-toto only. */
  readonly supportedPayloadTypes?: readonly string[];
}

export interface DsseVerifyResult {
  readonly verified: boolean;
  /** Ids of the distinct keys with a valid signature. */
  readonly signers: readonly string[];
  readonly reason: string;
}

function verifiesWith(key: KeyObject, data: Buffer, sig: Buffer): boolean {
  const algorithm = key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
  try {
    if (verify(algorithm, data, key, sig)) return true;
  } catch {
    // not DER: maybe P1363 below
  }
  if (key.asymmetricKeyType === 'ec') {
    try {
      return verify(algorithm, data, { key, dsaEncoding: 'ieee-p1363' }, sig);
    } catch {
      return false;
    }
  }
  return false;
}

export function verifyDsseEnvelope(envelope: DsseEnvelope, options: DsseVerifyOptions): DsseVerifyResult {
  const threshold = options.threshold ?? 1;
  const supported = options.supportedPayloadTypes ?? [IN_TOTO_PAYLOAD_TYPE];
  if (envelope.payloadType === '' || !supported.includes(envelope.payloadType)) {
    return { verified: false, signers: [], reason: `payload type ${JSON.stringify(envelope.payloadType)} is not supported (${supported.join(', ')})` };
  }
  if (threshold < 1) return { verified: false, signers: [], reason: 'a threshold below 1 verifies nothing' };
  const pae = preAuthEncoding(envelope.payloadType, dssePayloadBytes(envelope));
  const signers = new Set<string>();
  for (const signature of envelope.signatures) {
    const sig = decodeBase64(signature.sig);
    for (const trusted of options.keys) {
      if (!signers.has(trusted.id) && verifiesWith(trusted.key, pae, sig)) {
        signers.add(trusted.id);
        break;
      }
    }
  }
  const list = [...signers].sort();
  const verified = list.length >= threshold;
  return {
    verified,
    signers: list,
    reason: verified ? `${list.length} distinct trusted key(s) signed (threshold ${threshold})` : `${list.length} distinct trusted key(s) signed; the threshold is ${threshold}`,
  };
}
