/**
 * Verifies a Sigstore bundle, offline, against a trusted root: the cryptography through @sigstore/verify
 * (timestamps, certificate chain and SCTs, transparency-log inclusion and body, signature), and around it our own
 * checks (no root in the bundle's chain, the subject digest, the identity and GitHub claims). Keyless verification
 * always needs one verified transparency-log entry, one verified timestamp and one SCT; key-only bundles need a log
 * entry only with `requireTlog`.
 */
import type { Bundle } from '@sigstore/bundle';
import type { KeyObject } from 'node:crypto';
import { InputError, UsageError } from '../core/errors.js';
import type { ParsedBundle } from './bundle-parse.js';
import { chainWithoutRootCheck } from './chain-check.js';
import type { SignerIdentity } from './fulcio-claims.js';
import { certificateIdentity } from './fulcio-claims.js';
import type { IdentityPolicy } from './identity-policy.js';
import { assertIdentityPolicy, identityChecks } from './identity-policy.js';
import { keyHint } from './keys.js';
import type { ArtifactInput } from './subject-digest.js';
import { subjectDigestCheck } from './subject-digest.js';
import type { LoadedTrustedRoot } from './trusted-root.js';
import type { Check, CheckName, VerificationResult } from './verification-result.js';
import { summarize } from './verification-result.js';

export interface VerifyBundleOptions {
  readonly bundle: ParsedBundle;
  readonly artifact: ArtifactInput;
  readonly trustedRoot: LoadedTrustedRoot;
  /** Key mode: the public key that must have signed. */
  readonly key?: KeyObject;
  /** Keyless mode: who must have signed. */
  readonly identity?: IdentityPolicy;
  /** Key mode: fail unless the bundle has a verified transparency-log entry. */
  readonly requireTlog?: boolean;
}

/** sigstore-js error codes → our checks. */
const CODE_TO_CHECK: Readonly<Record<string, CheckName>> = {
  TIMESTAMP_ERROR: 'timestamp',
  CERTIFICATE_ERROR: 'certificate-chain',
  PUBLIC_KEY_ERROR: 'key',
  TLOG_ERROR: 'log',
  TLOG_INCLUSION_PROOF_ERROR: 'log',
  TLOG_INCLUSION_PROMISE_ERROR: 'log',
  TLOG_MISSING_INCLUSION_ERROR: 'log',
  TLOG_BODY_ERROR: 'log',
  SIGNATURE_ERROR: 'signature',
};

export function bundleMode(bundle: Bundle): 'key' | 'keyless' {
  return bundle.verificationMaterial.content.$case === 'publicKey' ? 'key' : 'keyless';
}

function leafCertificateDer(bundle: Bundle): Buffer<ArrayBuffer> | undefined {
  const c = bundle.verificationMaterial.content;
  if (c.$case === 'certificate') return Buffer.from(Uint8Array.from(c.certificate.rawBytes));
  if (c.$case === 'x509CertificateChain') {
    const first = c.x509CertificateChain.certificates[0];
    return first !== undefined ? Buffer.from(Uint8Array.from(first.rawBytes)) : undefined;
  }
  return undefined;
}

/** The times the verified evidence vouches for: TSA signing times and integrated times of entries with a promise. */
async function signingTimes(bundle: Bundle): Promise<string[]> {
  const { RFC3161Timestamp } = await import('@sigstore/core');
  const times: string[] = [];
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    times.push(RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp)).signingTime.toISOString());
  }
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    if (entry.inclusionPromise !== undefined && entry.integratedTime !== '0') times.push(new Date(Number(entry.integratedTime) * 1000).toISOString());
  }
  return [...new Set(times)].sort();
}

export async function verifyBundle(options: VerifyBundleOptions): Promise<VerificationResult> {
  const { bundle, file } = options.bundle;
  const mode = bundleMode(bundle);
  if (mode === 'key' && options.key === undefined) throw new UsageError(`${file}: the bundle is signed with a key: verify it with --key <public.pem> (or a trust policy naming the key)`);
  if (mode === 'keyless' && options.key !== undefined) throw new UsageError(`${file}: the bundle is keyless (a Fulcio certificate): verify it with --certificate-identity and --certificate-oidc-issuer, not --key`);
  if (mode === 'keyless') {
    if (options.identity === undefined) throw new UsageError(`${file}: the bundle is keyless: say who must have signed it with --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp]`);
    assertIdentityPolicy(options.identity);
  }
  if ('digest' in options.artifact && bundle.content.$case === 'messageSignature') {
    throw new UsageError(`${file}: a message signature covers the artifact's bytes: pass the artifact itself, not a digest`);
  }

  const checks: Check[] = [{ name: 'trusted-root', status: 'pass', detail: options.trustedRoot.source }];
  const { Verifier, toSignedEntity, toTrustMaterial } = await import('@sigstore/verify');
  const { X509Certificate } = await import('@sigstore/core');

  const rootInChain = chainWithoutRootCheck(bundle);
  let entity;
  try {
    entity = toSignedEntity(bundle, 'data' in options.artifact ? options.artifact.data : undefined);
  } catch (error) {
    throw new InputError(`invalid Sigstore bundle: ${error instanceof Error ? error.message : String(error)}`, { file }, { code: 'BUNDLE_INVALID', cause: error });
  }
  const key = options.key;
  const trust = toTrustMaterial(options.trustedRoot.root, () => {
    if (key === undefined) throw new Error('no key');
    return { publicKey: key, validFor: () => true };
  });
  const verifier = new Verifier(
    trust,
    mode === 'keyless' ? { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 } : { tlogThreshold: options.requireTlog === true ? 1 : 0, ctlogThreshold: 0, timestampThreshold: 0 },
  );

  const order: CheckName[] = ['timestamp', mode === 'key' ? 'key' : 'certificate-chain', 'log', 'signature'];
  const tlogCount = bundle.verificationMaterial.tlogEntries.length;
  const tsaCount = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  const passDetail: Record<string, string> = {
    timestamp: tsaCount + tlogCount === 0 ? 'none in the bundle (key mode: not required)' : `${tsaCount} TSA timestamp(s), ${bundle.verificationMaterial.tlogEntries.filter((e) => e.inclusionPromise !== undefined).length} signed log time(s)`,
    key: '',
    'certificate-chain': 'chains to a Fulcio CA of the trusted root, with an SCT, valid when signed',
    log: tlogCount === 0 ? (options.requireTlog === true ? '' : 'no transparency-log entry (key mode: not required; --require-tlog to demand one)') : `${tlogCount} entry(ies): inclusion proven, body matches`,
    signature: `${bundle.content.$case === 'dsseEnvelope' ? 'DSSE envelope' : 'message'} signature verifies`,
  };
  if (key !== undefined) {
    const bundleHint = bundle.verificationMaterial.content.$case === 'publicKey' ? bundle.verificationMaterial.content.publicKey.hint : '';
    const hint = keyHint(key);
    passDetail['key'] = bundleHint === '' || bundleHint === hint ? `key ${hint}` : `key ${hint} (the bundle's hint "${bundleHint}" names another key id)`;
  }

  let failedAt: { name: CheckName; detail: string } | undefined;
  if (rootInChain !== undefined) failedAt = { name: 'certificate-chain', detail: rootInChain.detail };
  else {
    try {
      verifier.verify(entity);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const name = CODE_TO_CHECK[code] ?? 'bundle';
      failedAt = { name, detail: `${error instanceof Error ? error.message : String(error)}${code !== '' && CODE_TO_CHECK[code] === undefined ? ` (${code})` : ''}` };
      if (name === 'log' && tlogCount === 0) failedAt.detail = mode === 'key' ? 'no transparency-log entry in the bundle, and --require-tlog demands one' : 'no transparency-log entry in the bundle: keyless signatures need one';
      if (name === 'signature' && bundle.content.$case === 'messageSignature') failedAt.detail += ': the artifact is not the one that was signed, or the signature was altered';
    }
  }
  let reached = failedAt === undefined;
  if (failedAt !== undefined && !order.includes(failedAt.name)) {
    checks.push({ name: failedAt.name, status: 'fail', detail: failedAt.detail });
    for (const name of order) checks.push({ name, status: 'not-run', detail: 'an earlier check failed' });
  } else {
    let failedSeen = false;
    for (const name of order) {
      if (failedSeen) checks.push({ name, status: 'not-run', detail: 'an earlier check failed' });
      else if (failedAt?.name === name) {
        checks.push({ name, status: 'fail', detail: failedAt.detail });
        failedSeen = true;
      } else checks.push({ name, status: 'pass', detail: passDetail[name] ?? '' });
    }
    reached = !failedSeen;
  }

  checks.push(reached ? subjectDigestCheck(bundle, options.artifact, file) : { name: 'subject-digest', status: 'not-run', detail: 'the signature did not verify' });

  let identity: SignerIdentity | undefined;
  if (mode === 'keyless' && options.identity !== undefined) {
    if (reached) {
      const der = leafCertificateDer(bundle);
      identity = der !== undefined ? certificateIdentity(X509Certificate.parse(der)) : {};
      checks.push(...identityChecks(options.identity, identity));
    } else {
      checks.push({ name: 'identity', status: 'not-run', detail: 'the certificate did not verify' }, { name: 'issuer', status: 'not-run', detail: 'the certificate did not verify' });
    }
  }
  const signedAt = reached ? await signingTimes(bundle) : [];
  return summarize(mode, checks, {
    signedAt,
    ...(identity !== undefined ? { identity } : {}),
    ...(key !== undefined ? { keyHint: keyHint(key) } : {}),
  });
}
