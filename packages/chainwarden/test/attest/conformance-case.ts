import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainwardenError } from '../../src/core/errors.js';
import { parseBundleText } from '../../src/attest/bundle-parse.js';
import { parsePublicKey } from '../../src/attest/keys.js';
import { loadTrustedRoot } from '../../src/attest/trusted-root.js';
import { verifyBundle } from '../../src/attest/verify.js';
import { shared } from '../helpers/shared.js';

export const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

export interface CaseOutcome {
  /** `valid`, or `invalid:<failed check or error code>`. */
  readonly verdict: string;
  readonly detail: string;
}

/** Runs one sigstore-conformance bundle-verify case the way the upstream suite describes it. */
export async function runConformanceCase(dir: string): Promise<CaseOutcome> {
  const file = (name: string): string => join(dir, name);
  try {
    const bundle = await parseBundleText(readFileSync(file('bundle.sigstore.json'), 'utf8'), 'bundle.sigstore.json');
    const rootFile = existsSync(file('trusted_root.json')) ? file('trusted_root.json') : shared('sigstore', 'common', 'public-good.trusted_root.json');
    const trustedRoot = await loadTrustedRoot(existsSync(file('trusted_root.json')) ? rootFile : undefined, 'trusted_root.json');
    const artifact = readFileSync(existsSync(file('artifact')) ? file('artifact') : join(dir, '..', 'a.txt'));
    const keyed = existsSync(file('key.pub'));
    const result = await verifyBundle({
      bundle,
      artifact: { data: artifact },
      trustedRoot,
      ...(keyed
        ? { key: parsePublicKey(readFileSync(file('key.pub'), 'utf8'), 'key.pub') }
        : {
            identity: {
              subject: existsSync(file('identity')) ? readFileSync(file('identity'), 'utf8').trim() : DEFAULT_IDENTITY,
              issuer: existsSync(file('issuer')) ? readFileSync(file('issuer'), 'utf8').trim() : DEFAULT_ISSUER,
            },
          }),
    });
    if (result.verified) return { verdict: 'valid', detail: result.checks.map((c) => `${c.name}:${c.status}`).join(' ') };
    return { verdict: `invalid:${result.failure?.name ?? '?'}`, detail: result.failure?.detail ?? '' };
  } catch (error) {
    if (error instanceof ChainwardenError) return { verdict: `invalid:${error.code}`, detail: error.message };
    throw error;
  }
}
