/**
 * Binds what was signed to the artifact: for a DSSE bundle, the in-toto statement's subject digest must equal the
 * artifact's digest (sigstore-js does not check this); for a message signature, the bundle's messageDigest must
 * equal the artifact's SHA-256.
 */
import type { Bundle } from '@sigstore/bundle';
import { createHash } from 'node:crypto';
import { IN_TOTO_PAYLOAD_TYPE } from './dsse.js';
import { parseStatement } from './statement.js';
import type { Check } from './verification-result.js';

/** The artifact: its bytes, or (DSSE only) one known digest. */
export type ArtifactInput = { readonly data: Buffer } | { readonly digest: { readonly algorithm: 'sha256' | 'sha512'; readonly hex: string } };

export function artifactDigests(artifact: ArtifactInput): Record<string, string> {
  if ('data' in artifact) {
    return {
      sha256: createHash('sha256').update(artifact.data).digest('hex'),
      sha512: createHash('sha512').update(artifact.data).digest('hex'),
    };
  }
  return { [artifact.digest.algorithm]: artifact.digest.hex.toLowerCase() };
}

export function subjectDigestCheck(bundle: Bundle, artifact: ArtifactInput, file: string): Check {
  const digests = artifactDigests(artifact);
  if (bundle.content.$case === 'messageSignature') {
    const expected = Buffer.from(bundle.content.messageSignature.messageDigest?.digest ?? []).toString('hex');
    if (expected === '') return { name: 'subject-digest', status: 'not-applicable', detail: 'the bundle records no message digest; the signature covers the artifact bytes' };
    const ok = expected === digests['sha256'];
    return { name: 'subject-digest', status: ok ? 'pass' : 'fail', detail: ok ? `sha256 ${expected}` : `the bundle's message digest sha256:${expected} is not the artifact's sha256:${digests['sha256'] ?? '?'}` };
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { name: 'subject-digest', status: 'fail', detail: `payload type ${envelope.payloadType} is not an in-toto statement: nothing binds it to the artifact` };
  }
  let statement;
  try {
    const value: unknown = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
    statement = parseStatement(value, { file, path: 'dsseEnvelope.payload' }).statement;
  } catch (error) {
    return { name: 'subject-digest', status: 'fail', detail: `the signed payload is not an in-toto statement (${error instanceof Error ? error.message : String(error)})` };
  }
  for (const subject of statement.subject) {
    const common = Object.keys(subject.digest ?? {}).filter((alg) => digests[alg] !== undefined);
    if (common.length === 0) continue;
    if (common.every((alg) => subject.digest?.[alg]?.toLowerCase() === digests[alg])) {
      const alg = common[0] ?? '';
      return { name: 'subject-digest', status: 'pass', detail: `subject ${subject.name ?? '(unnamed)'} ${alg}:${digests[alg] ?? ''}` };
    }
  }
  const have = Object.entries(digests).map(([a, d]) => `${a}:${d.slice(0, 16)}…`).join(', ');
  return { name: 'subject-digest', status: 'fail', detail: `no subject of the statement has the artifact's digest (${have}); subjects: ${statement.subject.map((s) => s.name ?? '(unnamed)').join(', ')}` };
}
