/**
 * The `Signer` role: signs bytes and says which key material verifies the signature. Implementations:
 * `KeySigner` (a local private key) and `FulcioSigner` (an ephemeral key certified by Fulcio for an OIDC identity).
 * The shape is the one @sigstore/sign's bundle builders and witnesses take, so a Signer plugs into them directly.
 */
export type SignerKeyMaterial =
  | { readonly $case: 'publicKey'; readonly publicKey: string; readonly hint: string }
  | { readonly $case: 'x509Certificate'; readonly certificate: string };

export interface SignerSignature {
  /** DER-encoded signature (ECDSA) or raw signature bytes. */
  readonly signature: Buffer;
  readonly key: SignerKeyMaterial;
}

export interface Signer {
  /** `key` for a local key, `keyless` for a Fulcio certificate (what the human output says). */
  readonly kind: 'key' | 'keyless';
  sign(data: Buffer): Promise<SignerSignature>;
}
