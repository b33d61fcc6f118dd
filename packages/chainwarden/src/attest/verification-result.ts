/**
 * What a verification reports: every check by name with pass / fail / not-run / not-applicable and a reason.
 * `verified` is true only when no check failed or was left unrun: never "verified" on a partial check.
 */
import type { SignerIdentity } from './fulcio-claims.js';

export type CheckName =
  | 'bundle'
  | 'trusted-root'
  | 'timestamp'
  | 'certificate-chain'
  | 'key'
  | 'log'
  | 'signature'
  | 'subject-digest'
  | 'identity'
  | 'issuer'
  | 'github-repository'
  | 'github-ref'
  | 'github-workflow'
  | 'validity-window'
  | 'revocation';

export type CheckStatus = 'pass' | 'fail' | 'not-run' | 'not-applicable';

export interface Check {
  readonly name: CheckName;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface VerificationResult {
  readonly verified: boolean;
  /** `key` (a public key verified it) or `keyless` (a Fulcio certificate). */
  readonly mode: 'key' | 'keyless';
  readonly checks: readonly Check[];
  /** The certificate's identity (keyless), once the certificate chain verified. */
  readonly identity?: SignerIdentity;
  /** base64(sha256(SPKI)) of the verifying key (key mode). */
  readonly keyHint?: string;
  /** When it was signed, from verified timestamps (transparency log, TSA), sorted, ISO 8601. */
  readonly signedAt: readonly string[];
  /** The first failed check, for one-line messages. */
  readonly failure?: Check;
}

export function summarize(mode: 'key' | 'keyless', checks: readonly Check[], extra: Omit<VerificationResult, 'verified' | 'mode' | 'checks' | 'failure'>): VerificationResult {
  const failure = checks.find((c) => c.status === 'fail') ?? checks.find((c) => c.status === 'not-run');
  const verified = failure === undefined && checks.some((c) => c.name === 'signature' && c.status === 'pass');
  return { verified, mode, checks, ...extra, ...(failure !== undefined ? { failure } : {}) };
}
