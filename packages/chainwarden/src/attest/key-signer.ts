import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { keyHint, publicKeyPem } from './keys.js';
import type { Signer, SignerSignature } from './signer.js';

/** Signs with a local private key (ECDSA with SHA-256, DER signatures; RSA PKCS#1 v1.5; Ed25519). */
export class KeySigner implements Signer {
  readonly kind = 'key' as const;
  readonly #privateKey: KeyObject;
  readonly #publicKeyPem: string;
  readonly #hint: string;

  constructor(privateKey: KeyObject) {
    this.#privateKey = privateKey;
    this.#publicKeyPem = publicKeyPem(privateKey);
    this.#hint = keyHint(privateKey);
  }

  /** base64(sha256(SPKI DER)), the bundle's `publicKey.hint` and the DSSE `keyid`. */
  get hint(): string {
    return this.#hint;
  }

  sign(data: Buffer): Promise<SignerSignature> {
    const algorithm = this.#privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    const signature = sign(algorithm, data, this.#privateKey);
    return Promise.resolve({ signature, key: { $case: 'publicKey', publicKey: this.#publicKeyPem, hint: this.#hint } });
  }

  /** Never let the key reach logs through util.inspect or JSON.stringify. */
  toJSON(): { kind: 'key'; hint: string } {
    return { kind: this.kind, hint: this.#hint };
  }
}
