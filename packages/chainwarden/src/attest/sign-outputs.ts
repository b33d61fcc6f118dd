/**
 * Signing what `chainwarden run` produced: the SBOM(s) and the checksum file get message signatures, the provenance
 * statement a DSSE bundle; each bundle is written beside its file as `<file>.sigstore.json`. Whether to sign at all:
 * a key (chainwarden.yaml `sign.key` or CHAINWARDEN_SIGNING_KEY) or an OIDC token in the environment; otherwise the
 * run stays in the interim mode (digests and checksums only) and says so.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SignConfig } from '../config-schema.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { sha256Hex } from '../core/digest.js';
import { identityTokenSource } from './identity-token.js';
import type { SignerOptions } from './sign.js';
import { attestStatement, signArtifact } from './sign.js';
import { signerOptionsFrom } from './signer-config.js';

/** Environment variable naming a private key for `chainwarden run` (relative to the project directory). */
export const SIGNING_KEY_ENV = 'CHAINWARDEN_SIGNING_KEY';

export interface SignOutputsInput {
  readonly projectDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly config?: SignConfig;
  /** Files to sign with a message signature, relative to the project (POSIX). */
  readonly files: readonly string[];
  /** In-toto statements to attest (DSSE), relative to the project. */
  readonly statements: readonly string[];
}

export interface SignedOutput {
  readonly file: string;
  readonly sha256: string;
  readonly bundle: string;
  readonly kind: 'messageSignature' | 'dsseEnvelope';
}

export interface SignOutputsSummary {
  readonly signed: boolean;
  /** `key`, `keyless`, or why nothing was signed. */
  readonly mode: 'key' | 'keyless' | 'unsigned';
  readonly reason?: string;
  readonly outputs: readonly SignedOutput[];
  /** The files that would have been signed, with their digests (always reported). */
  readonly unsigned: readonly { readonly file: string; readonly sha256: string }[];
}

/** The signer options for a run, or undefined when there is neither a key nor an OIDC token. */
export function runSignerOptions(projectDir: string, env: NodeJS.ProcessEnv, config: SignConfig | undefined): SignerOptions | undefined {
  const keyFromEnv = env[SIGNING_KEY_ENV];
  const key = config?.key ?? (keyFromEnv !== undefined && keyFromEnv !== '' ? keyFromEnv : undefined);
  if (key !== undefined && config?.keyless !== true) return signerOptionsFrom({ ...config, key }, projectDir, {}, projectDir, env);
  if (config?.keyless !== false && identityTokenSource({ env }) !== undefined) return signerOptionsFrom({ ...config, keyless: true }, projectDir, {}, projectDir, env);
  return undefined;
}

export async function signOutputs(input: SignOutputsInput): Promise<SignOutputsSummary> {
  const all = [...input.files.map((file) => ({ file, kind: 'messageSignature' as const })), ...input.statements.map((file) => ({ file, kind: 'dsseEnvelope' as const }))].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
  const digests = await Promise.all(all.map(async (o) => ({ ...o, data: await readFile(join(input.projectDir, o.file)) })));
  const options = runSignerOptions(input.projectDir, input.env, input.config);
  if (options === undefined) {
    return { signed: false, mode: 'unsigned', reason: 'no key or OIDC token', outputs: [], unsigned: digests.map((d) => ({ file: d.file, sha256: sha256Hex(d.data) })) };
  }
  const outputs: SignedOutput[] = [];
  for (const d of digests) {
    const json = d.kind === 'dsseEnvelope' ? await attestStatement(d.data, options) : await signArtifact(d.data, options);
    const bundle = `${d.file}.sigstore.json`;
    await writeFileAtomic(join(input.projectDir, bundle), `${JSON.stringify(json, null, 2)}\n`);
    outputs.push({ file: d.file, sha256: sha256Hex(d.data), bundle, kind: d.kind });
  }
  return { signed: true, mode: options.keyless === true ? 'keyless' : 'key', outputs, unsigned: [] };
}
