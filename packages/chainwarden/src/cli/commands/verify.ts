import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseBundleText } from '../../attest/bundle-parse.js';
import type { IdentityPolicy } from '../../attest/identity-policy.js';
import { parsePublicKey } from '../../attest/keys.js';
import type { ArtifactInput } from '../../attest/subject-digest.js';
import { loadTrustPolicy } from '../../attest/trust-policy.js';
import { verifyWithTrustPolicy } from '../../attest/trust-policy-verify.js';
import { loadTrustedRoot } from '../../attest/trusted-root.js';
import type { VerificationResult } from '../../attest/verification-result.js';
import { verifyBundle } from '../../attest/verify.js';
import { loadConfig } from '../../core/config.js';
import { IoError, UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

export interface VerifyFlags {
  readonly bundle: string;
  readonly key?: string;
  readonly certificateIdentity?: string;
  readonly certificateIdentityRegexp?: string;
  readonly certificateOidcIssuer?: string;
  readonly certificateOidcIssuerRegexp?: string;
  readonly repository?: string;
  readonly ref?: string;
  readonly workflow?: string;
  readonly policy?: string;
  readonly supplier?: string;
  readonly trustedRoot?: string;
  readonly requireTlog?: boolean;
  readonly artifactDigest?: string;
  readonly json?: boolean;
}

async function read(path: string, display: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new IoError(`${display}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

function identityFromFlags(flags: VerifyFlags): IdentityPolicy | undefined {
  const entries: [keyof IdentityPolicy, string | undefined][] = [
    ['subject', flags.certificateIdentity],
    ['subjectRegexp', flags.certificateIdentityRegexp],
    ['issuer', flags.certificateOidcIssuer],
    ['issuerRegexp', flags.certificateOidcIssuerRegexp],
    ['repository', flags.repository],
    ['ref', flags.ref],
    ['workflow', flags.workflow],
  ];
  const set = entries.filter(([, v]) => v !== undefined);
  return set.length === 0 ? undefined : (Object.fromEntries(set));
}

async function artifactInput(artifact: string | undefined, flags: VerifyFlags, io: CliIo): Promise<{ input: ArtifactInput; name: string }> {
  if (flags.artifactDigest !== undefined) {
    if (artifact !== undefined) throw new UsageError('give the artifact or --artifact-digest, not both');
    const m = /^(sha256|sha512):([0-9a-fA-F]+)$/.exec(flags.artifactDigest);
    if (m === null || m[1] === undefined || m[2] === undefined || m[2].length !== (m[1] === 'sha256' ? 64 : 128)) {
      throw new UsageError(`--artifact-digest: expected sha256:<64 hex> or sha512:<128 hex>, got "${flags.artifactDigest}"`);
    }
    return { input: { digest: { algorithm: m[1] as 'sha256' | 'sha512', hex: m[2] } }, name: flags.artifactDigest };
  }
  if (artifact === undefined) throw new UsageError('missing the artifact to verify (or --artifact-digest for a DSSE bundle)');
  return { input: { data: await read(resolve(io.cwd, artifact), artifact, 'artifact') }, name: artifact };
}

export function renderVerification(result: VerificationResult & { supplier?: string; matched?: string }, artifact: string, bundle: string, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const mark = (status: string): string => (status === 'pass' ? s.green('pass') : status === 'fail' ? s.red('FAIL') : s.dim(status === 'not-applicable' ? 'n/a ' : 'skip'));
  const head = result.verified ? s.green('Verified') : s.red('NOT verified');
  const lines = [`${head}  ${artifact}`, `  bundle  ${bundle} (${result.mode})${result.supplier !== undefined ? `\n  supplier  ${result.supplier}${result.matched !== undefined ? ` (${result.matched})` : ''}` : ''}`];
  lines.push(table(result.checks.map((c) => [mark(c.status), c.name, c.detail])));
  if (result.identity?.subjectAlternativeName !== undefined) lines.push(`  signer  ${result.identity.subjectAlternativeName} (${result.identity.issuer ?? 'no issuer'})`);
  if (result.signedAt.length > 0) lines.push(`  signed  ${result.signedAt.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export async function verifyCommand(artifact: string | undefined, flags: VerifyFlags, io: CliIo): Promise<number> {
  const { config } = await loadConfig(io.cwd);
  const identity = identityFromFlags(flags);
  if (flags.policy !== undefined && (flags.key !== undefined || identity !== undefined)) throw new UsageError('--policy replaces --key and --certificate-*: give one or the other');
  if ((flags.policy !== undefined) !== (flags.supplier !== undefined) && !(flags.supplier !== undefined && config.sign?.['trust-policy'] !== undefined)) {
    throw new UsageError('--policy and --supplier go together');
  }
  if (flags.key !== undefined && identity !== undefined) throw new UsageError('--key and --certificate-* exclude each other');
  const { input, name } = await artifactInput(artifact, flags, io);
  const bundle = await parseBundleText((await read(resolve(io.cwd, flags.bundle), flags.bundle, 'bundle')).toString('utf8'), flags.bundle);
  const rootPath = flags.trustedRoot !== undefined ? resolve(io.cwd, flags.trustedRoot) : config.sign?.['trusted-root'] !== undefined ? resolve(io.cwd, config.sign['trusted-root']) : undefined;
  const trustedRoot = await loadTrustedRoot(rootPath, flags.trustedRoot ?? config.sign?.['trusted-root']);
  const requireTlog = flags.requireTlog === true;
  let result: VerificationResult & { supplier?: string; matched?: string };
  const policyPath = flags.policy ?? (flags.supplier !== undefined ? config.sign?.['trust-policy'] : undefined);
  if (policyPath !== undefined && flags.supplier !== undefined) {
    const policy = await loadTrustPolicy(resolve(io.cwd, policyPath), policyPath);
    result = await verifyWithTrustPolicy({ bundle, artifact: input, trustedRoot, policy, supplier: flags.supplier, requireTlog });
  } else {
    const key = flags.key !== undefined ? parsePublicKey((await read(resolve(io.cwd, flags.key), flags.key, 'public key')).toString('utf8'), flags.key) : undefined;
    result = await verifyBundle({ bundle, artifact: input, trustedRoot, requireTlog, ...(key !== undefined ? { key } : {}), ...(identity !== undefined ? { identity } : {}) });
  }
  if (flags.json === true) io.stdout.write(`${JSON.stringify({ artifact: name, bundle: flags.bundle, ...result }, null, 2)}\n`);
  else io.stdout.write(renderVerification(result, name, flags.bundle, io));
  if (!result.verified) {
    const f = result.failure;
    io.stderr.write(`chainwarden: verification failed: ${f !== undefined ? `${f.name}: ${f.detail}` : 'no check verified the signature'}\n`);
    return 1;
  }
  return 0;
}
