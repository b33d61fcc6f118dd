/**
 * Seals of the audit log: the chain head signed (key or keyless, like `chainwarden sign`) and stored. A bare hash chain
 * can be rewritten by anyone with database access; a seal cannot be forged without the signing key or identity.
 */
import { UsageError } from '../core/errors.js';
import type { IdentityPolicy } from '../attest/identity-policy.js';
import type { SignerOptions } from '../attest/sign.js';
import type { ChainCheck } from './audit-log.js';
import { checkChain } from './audit-log.js';
import type { Registry } from './database.js';

/** The bytes a seal signs. */
export function sealPayload(seq: number, hash: string): Buffer {
  return Buffer.from(`chainwarden audit-log head\nseq ${seq}\nsha256 ${hash}\n`, 'utf8');
}

export interface SealResult {
  readonly seq: number;
  readonly headHash: string;
  readonly sealedAt: string;
}

export async function sealAudit(registry: Registry, signer: SignerOptions, now: Date = new Date()): Promise<SealResult> {
  const chain = await checkChain(registry);
  if (chain.broken !== undefined) throw new UsageError(`the audit log is broken at entry ${chain.broken.seq} (${chain.broken.reason}); it cannot be sealed`);
  if (chain.head === undefined) throw new UsageError('the audit log is empty: nothing to seal');
  const { signArtifact } = await import('../attest/sign.js');
  const bundle = await signArtifact(sealPayload(chain.head.seq, chain.head.hash), signer);
  await registry.db.insertInto('audit_seals').values({ seq: chain.head.seq, head_hash: chain.head.hash, sealed_at: now.toISOString(), bundle: JSON.stringify(bundle) }).execute();
  return { seq: chain.head.seq, headHash: chain.head.hash, sealedAt: now.toISOString() };
}

export interface SealCheck {
  readonly seq: number;
  readonly sealedAt: string;
  readonly status: 'ok' | 'failed' | 'unchecked';
  readonly detail: string;
}

export interface AuditVerification extends ChainCheck {
  readonly seals: readonly SealCheck[];
  readonly ok: boolean;
}

export interface SealVerifyOptions {
  readonly key?: string;
  readonly identity?: IdentityPolicy;
  readonly trustedRoot?: string;
}

/** Recomputes the chain and checks every seal: its head must still be in the chain, and its signature must verify. */
export async function verifyAudit(registry: Registry, options: SealVerifyOptions): Promise<AuditVerification> {
  const chain = await checkChain(registry);
  const seals = await registry.db.selectFrom('audit_seals').selectAll().orderBy('id').execute();
  const checks: SealCheck[] = [];
  const canVerify = options.key !== undefined || options.identity !== undefined;
  const [{ parseBundleText }, { loadTrustedRoot }, { verifyBundle }, { parsePublicKey }, { readFile }] = await Promise.all([
    import('../attest/bundle-parse.js'),
    import('../attest/trusted-root.js'),
    import('../attest/verify.js'),
    import('../attest/keys.js'),
    import('node:fs/promises'),
  ]);
  const trustedRoot = canVerify ? await loadTrustedRoot(options.trustedRoot) : undefined;
  const key = options.key !== undefined ? parsePublicKey(await readFile(options.key, 'utf8'), options.key) : undefined;
  for (const seal of seals) {
    const seq = Number(seal.seq);
    const base = { seq, sealedAt: seal.sealed_at };
    const row = await registry.db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
    if (chain.broken !== undefined && chain.broken.seq <= seq) {
      checks.push({ ...base, status: 'failed', detail: `the chain is broken at entry ${chain.broken.seq}, inside what this seal covers` });
      continue;
    }
    if (row?.hash !== seal.head_hash) {
      checks.push({ ...base, status: 'failed', detail: `the chain no longer has the sealed head at entry ${seq}: the log was rewritten` });
      continue;
    }
    if (trustedRoot === undefined) {
      checks.push({ ...base, status: 'unchecked', detail: 'head present; pass --key or --certificate-identity/--certificate-oidc-issuer to verify the signature' });
      continue;
    }
    const bundle = await parseBundleText(seal.bundle, `audit seal ${seq}`);
    const result = await verifyBundle({ bundle, artifact: { data: sealPayload(seq, seal.head_hash) }, trustedRoot, ...(key !== undefined ? { key } : {}), ...(options.identity !== undefined ? { identity: options.identity } : {}) });
    checks.push({ ...base, status: result.verified ? 'ok' : 'failed', detail: result.verified ? 'signature verifies' : `${result.failure?.name ?? 'signature'}: ${result.failure?.detail ?? ''}` });
  }
  const ok = chain.broken === undefined && checks.every((c) => c.status !== 'failed');
  return { ...chain, seals: checks, ok };
}
