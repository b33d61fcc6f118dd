/**
 * Applies a supplier's trust policy to a bundle: tries each accepted key (key bundles; the one the bundle's hint
 * names first) or identity (keyless bundles), and on the one that verifies checks its validity window and the
 * revocation list against the VERIFIED signing times. A window or revocation with `since` needs a trusted time:
 * a bundle without a verified timestamp fails it.
 */
import { UsageError } from '../core/errors.js';
import type { ParsedBundle } from './bundle-parse.js';
import type { ArtifactInput } from './subject-digest.js';
import type { Revocation, SupplierTrust, TrustPolicy, ValidityWindow } from './trust-policy.js';
import type { LoadedTrustedRoot } from './trusted-root.js';
import type { Check, VerificationResult } from './verification-result.js';
import { summarize } from './verification-result.js';
import { bundleMode, verifyBundle } from './verify.js';

export interface PolicyVerifyOptions {
  readonly bundle: ParsedBundle;
  readonly artifact: ArtifactInput;
  readonly trustedRoot: LoadedTrustedRoot;
  readonly policy: TrustPolicy;
  readonly supplier: string;
  readonly requireTlog?: boolean;
}

export interface PolicyVerificationResult extends VerificationResult {
  readonly supplier: string;
  /** Which entry of the policy matched (e.g. `suppliers.acme.keys[1]`). */
  readonly matched?: string;
}

function windowCheck(window: ValidityWindow, signedAt: readonly string[], at: string): Check {
  if (window.validFrom === undefined && window.validUntil === undefined) return { name: 'validity-window', status: 'not-applicable', detail: `${at} has no validity window` };
  const range = `${window.validFrom?.toISOString() ?? '-∞'} .. ${window.validUntil?.toISOString() ?? '+∞'}`;
  if (signedAt.length === 0) return { name: 'validity-window', status: 'fail', detail: `${at} is valid ${range}, but the bundle has no verified timestamp to show when it was signed` };
  const outside = signedAt.filter((t) => (window.validFrom !== undefined && new Date(t) < window.validFrom) || (window.validUntil !== undefined && new Date(t) > window.validUntil));
  if (outside.length > 0) return { name: 'validity-window', status: 'fail', detail: `signed at ${outside.join(', ')}, outside ${at}'s validity ${range}` };
  return { name: 'validity-window', status: 'pass', detail: `signed at ${signedAt.join(', ')}, within ${range}` };
}

function revocationCheck(revoked: readonly Revocation[], result: VerificationResult, keyIds: readonly string[]): Check {
  for (const r of revoked) {
    const hit =
      (r.keyHint !== undefined && keyIds.includes(r.keyHint)) ||
      (r.subject !== undefined && result.identity?.subjectAlternativeName === r.subject && (r.issuer === undefined || r.issuer === result.identity.issuer));
    if (!hit) continue;
    const why = `${r.keyHint !== undefined ? `key ${r.keyHint}` : `identity ${r.subject ?? ''}`} is revoked (${r.at}${r.reason !== undefined ? `: ${r.reason}` : ''})`;
    if (r.since === undefined) return { name: 'revocation', status: 'fail', detail: why };
    if (result.signedAt.length === 0) return { name: 'revocation', status: 'fail', detail: `${why} since ${r.since.toISOString()}, and the bundle has no verified timestamp` };
    const after = result.signedAt.filter((t) => new Date(t) >= (r.since ?? new Date(0)));
    if (after.length > 0) return { name: 'revocation', status: 'fail', detail: `${why} since ${r.since.toISOString()}; signed at ${after.join(', ')}` };
  }
  return { name: 'revocation', status: 'pass', detail: revoked.length === 0 ? 'nothing revoked' : `not among ${revoked.length} revocation(s)` };
}

function supplierOf(policy: TrustPolicy, name: string): SupplierTrust {
  const supplier = policy.suppliers.get(name);
  if (supplier === undefined) throw new UsageError(`${policy.file}: no supplier "${name}" (suppliers: ${[...policy.suppliers.keys()].join(', ')})`);
  return supplier;
}

export async function verifyWithTrustPolicy(options: PolicyVerifyOptions): Promise<PolicyVerificationResult> {
  const supplier = supplierOf(options.policy, options.supplier);
  const mode = bundleMode(options.bundle.bundle);
  const base = { bundle: options.bundle, artifact: options.artifact, trustedRoot: options.trustedRoot, ...(options.requireTlog !== undefined ? { requireTlog: options.requireTlog } : {}) };
  const attempts: { result: VerificationResult; at: string; window: ValidityWindow; keyIds: readonly string[] }[] = [];
  if (mode === 'key') {
    const content = options.bundle.bundle.verificationMaterial.content;
    const hint = content.$case === 'publicKey' ? content.publicKey.hint : '';
    const ordered = [...supplier.keys].sort((a, b) => Number(b.keyIds.includes(hint)) - Number(a.keyIds.includes(hint)));
    for (const k of ordered) {
      const result = await verifyBundle({ ...base, key: k.key });
      attempts.push({ result, at: k.at, window: k, keyIds: k.keyIds });
      if (result.verified) break;
    }
  } else {
    for (const id of supplier.identities) {
      const result = await verifyBundle({ ...base, identity: id.policy });
      attempts.push({ result, at: id.at, window: id, keyIds: [] });
      if (result.verified) break;
    }
  }
  const chosen = attempts.find((a) => a.result.verified) ?? attempts[0];
  if (chosen === undefined) {
    const what = mode === 'key' ? 'keys' : 'keyless identities';
    const check: Check = { name: mode === 'key' ? 'key' : 'identity', status: 'fail', detail: `supplier ${supplier.name} accepts no ${what} (${options.policy.file})` };
    return { ...summarize(mode, [check], { signedAt: [] }), supplier: supplier.name };
  }
  const extra: Check[] = chosen.result.verified
    ? [windowCheck(chosen.window, chosen.result.signedAt, chosen.at), revocationCheck(supplier.revoked, chosen.result, chosen.keyIds)]
    : [
        { name: 'validity-window', status: 'not-run', detail: `no ${mode === 'key' ? 'key' : 'identity'} of supplier ${supplier.name} verified the bundle (${attempts.length} tried)` },
        { name: 'revocation', status: 'not-run', detail: 'nothing verified' },
      ];
  const { verified: _v, mode: _m, checks, failure: _f, ...rest } = chosen.result;
  return { ...summarize(mode, [...checks, ...extra], rest), supplier: supplier.name, matched: chosen.at };
}
