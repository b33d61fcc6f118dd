import { SigningError } from '../core/errors.js';
import type { IdentityToken } from './identity-token.js';
import type { Signer, SignerSignature } from './signer.js';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';

export interface FulcioSignerOptions {
  readonly identityToken: IdentityToken;
  readonly fulcioUrl?: string;
  readonly timeoutMs?: number;
}

/**
 * Keyless signing: an ephemeral ECDSA P-256 key, certified by Fulcio for the identity in the OIDC token
 * (through @sigstore/sign). The certificate is short-lived; the transparency log and a timestamp prove when it signed.
 */
export class FulcioSigner implements Signer {
  readonly kind = 'keyless' as const;
  readonly #options: FulcioSignerOptions;

  constructor(options: FulcioSignerOptions) {
    this.#options = options;
  }

  get identity(): IdentityToken {
    return { ...this.#options.identityToken, token: '[redacted]' };
  }

  async sign(data: Buffer): Promise<SignerSignature> {
    const { FulcioSigner: SigstoreFulcioSigner } = await import('@sigstore/sign');
    const token = this.#options.identityToken.token;
    const url = this.#options.fulcioUrl ?? DEFAULT_FULCIO_URL;
    const signer = new SigstoreFulcioSigner({
      fulcioBaseURL: url,
      identityProvider: { getToken: () => Promise.resolve(token) },
      timeout: this.#options.timeoutMs ?? 30_000,
      retry: 2,
    });
    try {
      const result = await signer.sign(data);
      if (result.key.$case !== 'x509Certificate') throw new SigningError(`Fulcio (${url}) returned no certificate`);
      return { signature: result.signature, key: { $case: 'x509Certificate', certificate: result.key.certificate } };
    } catch (error) {
      if (error instanceof SigningError) throw error;
      // No `cause`: the library's errors may quote the token.
      throw new SigningError(`Fulcio (${url}) did not issue a certificate: ${redact(error, token)}`);
    }
  }

  toJSON(): { kind: 'keyless'; issuer?: string; subject?: string } {
    const { issuer, subject } = this.#options.identityToken;
    return { kind: this.kind, ...(issuer !== undefined ? { issuer } : {}), ...(subject !== undefined ? { subject } : {}) };
  }
}

/** An error message with the token (a secret) removed. */
export function redact(error: unknown, token: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return token === '' ? message : message.split(token).join('[token]');
}
