/**
 * Builds Sigstore bundles v0.3 (`application/vnd.dev.sigstore.bundle.v0.3+json`): a message signature over an
 * artifact, or a DSSE envelope over a payload; then asks the witnesses (Rekor, TSA) for their evidence.
 */
import type { SerializedBundle } from '@sigstore/bundle';
import type { Witness } from '@sigstore/sign';
import { createHash } from 'node:crypto';
import { SigningError } from '../core/errors.js';
import { preAuthEncoding } from './dsse.js';
import type { Signer, SignerSignature } from './signer.js';

export type BundleContent =
  | { readonly kind: 'messageSignature'; readonly data: Buffer }
  | { readonly kind: 'dsseEnvelope'; readonly payload: Buffer; readonly payloadType: string };

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export async function buildBundle(content: BundleContent, signer: Signer, witnesses: readonly Witness[]): Promise<SerializedBundle> {
  const { toMessageSignatureBundle, toDSSEBundle, bundleToJSON } = await import('@sigstore/bundle');
  const signed: Buffer = content.kind === 'messageSignature' ? content.data : preAuthEncoding(content.payloadType, content.payload);
  const signature: SignerSignature = await signer.sign(signed);
  const keyFields =
    signature.key.$case === 'x509Certificate'
      ? { certificate: pemToDer(signature.key.certificate), certificateChain: false }
      : { keyHint: signature.key.hint, certificateChain: false };
  const bundle =
    content.kind === 'messageSignature'
      ? toMessageSignatureBundle({ digest: createHash('sha256').update(content.data).digest(), signature: signature.signature, ...keyFields })
      : toDSSEBundle({ artifact: content.payload, artifactType: content.payloadType, signature: signature.signature, ...keyFields });
  const publicKey = signature.key.$case === 'x509Certificate' ? signature.key.certificate : signature.key.publicKey;
  for (const witness of witnesses) {
    let material;
    try {
      material = await witness.testify(bundle.content, publicKey);
    } catch (error) {
      throw new SigningError(`${witness.constructor.name === 'TSAWitness' ? 'the timestamp authority' : 'the transparency log (Rekor)'} refused the signature: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    bundle.verificationMaterial.tlogEntries.push(...(material.tlogEntries ?? []));
    bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.push(...(material.rfc3161Timestamps ?? []));
  }
  return bundleToJSON(bundle);
}
