/**
 * Signer options from chainwarden.yaml's `sign` section and command-line flags (flags win). Paths in the file are
 * relative to the project directory; paths on the command line to the current directory.
 */
import { resolve } from 'node:path';
import type { SignConfig } from '../config-schema.js';
import type { SignerOptions } from './sign.js';

/** The signing flags of `sign`, `attest` and `provenance --sign`: the signer options the command line can set. */
export type SignFlags = Omit<SignerOptions, 'env' | 'cwd'>;

export function signerOptionsFrom(config: SignConfig | undefined, configDir: string, flags: SignFlags, cwd: string, env: NodeJS.ProcessEnv): SignerOptions {
  const keyFromFlags = flags.key;
  const keyless = flags.keyless ?? (flags.key === undefined ? config?.keyless : undefined);
  const keyFromConfig = config?.key !== undefined && keyless !== true ? resolve(configDir, config.key) : undefined;
  const key = keyFromFlags ?? keyFromConfig;
  const pick = (flag: string | undefined, conf: string | undefined): string | undefined => flag ?? conf;
  const out: Record<string, unknown> = { env, cwd };
  if (key !== undefined) out['key'] = key;
  if (keyless === true && flags.key === undefined) out['keyless'] = true;
  if (flags.identityToken !== undefined) out['identityToken'] = flags.identityToken;
  const fulcioUrl = pick(flags.fulcioUrl, config?.['fulcio-url']);
  const rekorUrl = pick(flags.rekorUrl, config?.['rekor-url']);
  const tsaUrl = pick(flags.tsaUrl, config?.['tsa-url']);
  if (fulcioUrl !== undefined) out['fulcioUrl'] = fulcioUrl;
  if (rekorUrl !== undefined) out['rekorUrl'] = rekorUrl;
  if (tsaUrl !== undefined) out['tsaUrl'] = tsaUrl;
  const tlogUpload = flags.tlogUpload ?? config?.['tlog-upload'];
  if (tlogUpload !== undefined) out['tlogUpload'] = tlogUpload;
  return out;
}
