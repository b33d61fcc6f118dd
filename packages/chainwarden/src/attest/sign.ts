/**
 * Signing, the library entry points: `signArtifact` (a message-signature bundle over a file's bytes) and
 * `attestStatement` (a DSSE bundle over an in-toto statement). `SignerOptions` picks the Signer: a private key
 * (`key`) or keyless (`keyless`: an OIDC token, a Fulcio certificate, a Rekor entry and a TSA timestamp).
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { IoError, UsageError } from '../core/errors.js';
import { buildBundle } from './bundle-builder.js';
import { IN_TOTO_PAYLOAD_TYPE } from './dsse.js';
import { DEFAULT_FULCIO_URL, FulcioSigner } from './fulcio-signer.js';
import { getIdentityToken } from './identity-token.js';
import { KeySigner } from './key-signer.js';
import { KEY_PASSWORD_ENV, parsePrivateKey } from './keys.js';
import type { Signer } from './signer.js';
import type { Statement } from './statement.js';
import { createWitnesses, DEFAULT_REKOR_URL, DEFAULT_TSA_URL } from './witnesses.js';

export interface SignerOptions {
  /** Path of a PEM private key (absolute, or relative to `cwd`). */
  readonly key?: string;
  /** Keyless signing through Fulcio with an OIDC identity token. */
  readonly keyless?: boolean;
  /** An explicit OIDC token (otherwise SIGSTORE_ID_TOKEN or GitHub Actions). */
  readonly identityToken?: string;
  readonly fulcioUrl?: string;
  readonly rekorUrl?: string;
  readonly tsaUrl?: string;
  /** Key mode only: also record the signature in Rekor (`rekorUrl`) and get a timestamp (`tsaUrl`). Default false: offline. */
  readonly tlogUpload?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

export interface PreparedSigner {
  readonly signer: Signer;
  readonly witnesses: Awaited<ReturnType<typeof createWitnesses>>;
}

async function readKeyFile(path: string, display: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${display}: cannot read the key (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

/** The Signer and witnesses for these options. A UsageError when they name neither a key nor keyless. */
export async function createSigner(options: SignerOptions, bundleType: 'messageSignature' | 'dsseEnvelope'): Promise<PreparedSigner> {
  const env = options.env ?? process.env;

  if (options.key !== undefined && options.keyless === true) throw new UsageError('choose one: --key <private.pem> or --keyless');
  if (options.key !== undefined) {
    const cwd = options.cwd ?? process.cwd();
    const path = resolve(cwd, options.key);
    const display = relative(cwd, path).startsWith('..') ? path : relative(cwd, path);
    const signer = new KeySigner(parsePrivateKey(await readKeyFile(path, display), display, env[KEY_PASSWORD_ENV]));
    const witnesses =
      options.tlogUpload === true
        ? await createWitnesses({ rekorUrl: options.rekorUrl ?? DEFAULT_REKOR_URL, tsaUrl: options.tsaUrl ?? DEFAULT_TSA_URL, timeoutMs: options.timeoutMs }, bundleType)
        : [];
    return { signer, witnesses };
  }
  if (options.keyless === true) {
    const identityToken = await getIdentityToken({ identityToken: options.identityToken, env, timeoutMs: options.timeoutMs });
    const signer = new FulcioSigner({ identityToken, fulcioUrl: options.fulcioUrl ?? DEFAULT_FULCIO_URL, timeoutMs: options.timeoutMs });
    const witnesses = await createWitnesses(
      { rekorUrl: options.rekorUrl ?? DEFAULT_REKOR_URL, tsaUrl: options.tsaUrl ?? DEFAULT_TSA_URL, timeoutMs: options.timeoutMs },
      bundleType,
    );
    return { signer, witnesses };
  }
  throw new UsageError('nothing to sign with: pass --key <private.pem> or --keyless');
}

/** A Sigstore bundle v0.3 with a message signature over `data`. */
export async function signArtifact(data: Buffer, options: SignerOptions): Promise<SerializedBundle> {
  const { signer, witnesses } = await createSigner(options, 'messageSignature');
  return buildBundle({ kind: 'messageSignature', data }, signer, witnesses);
}

/** A Sigstore bundle v0.3 with a DSSE envelope (payload type `application/vnd.in-toto+json`) over the statement. */
export async function attestStatement(statement: Statement | Buffer, options: SignerOptions): Promise<SerializedBundle> {
  const payload = Buffer.isBuffer(statement) ? statement : Buffer.from(JSON.stringify(statement), 'utf8');
  const { signer, witnesses } = await createSigner(options, 'dsseEnvelope');
  return buildBundle({ kind: 'dsseEnvelope', payload, payloadType: IN_TOTO_PAYLOAD_TYPE }, signer, witnesses);
}
