/**
 * A bundle's certificate chain must hold the leaf and intermediates only: the root comes from the trusted root,
 * never from the bundle (Sigstore bundle spec). sigstore-js rejects such bundles only by accident; this check
 * rejects them explicitly.
 */
import { X509Certificate } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import type { Check } from './verification-result.js';

export function chainWithoutRootCheck(bundle: Bundle): Check | undefined {
  const content = bundle.verificationMaterial.content;
  if (content.$case !== 'x509CertificateChain') return undefined;
  const certs = content.x509CertificateChain.certificates;
  for (let i = 0; i < certs.length; i++) {
    const raw = certs[i]?.rawBytes;
    if (raw === undefined) continue;
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(Buffer.from(raw));
    } catch {
      return { name: 'certificate-chain', status: 'fail', detail: `certificate ${i} of the bundle's chain does not parse` };
    }
    if (cert.ca && cert.checkIssued(cert) && cert.verify(cert.publicKey)) {
      return { name: 'certificate-chain', status: 'fail', detail: `the bundle's certificate chain includes a root certificate (${cert.subject.replace(/\n/g, ', ')}): a root must come from the trusted root, not the bundle` };
    }
  }
  return undefined;
}
