/**
 * The identity a Fulcio certificate binds: the subject alternative name, the OIDC issuer, and the GitHub Actions
 * claims Fulcio records as certificate extensions (OIDs 1.3.6.1.4.1.57264.1.*; v1 extensions hold raw strings,
 * v2 extensions DER UTF8Strings). Which OID means what is data (CLAIM_OIDS).
 */
import type { X509Certificate } from '@sigstore/core';

export interface SignerIdentity {
  readonly subjectAlternativeName?: string;
  readonly issuer?: string;
  /** `owner/repo`. */
  readonly repository?: string;
  /** `refs/heads/main`, `refs/tags/v1.2.3`. */
  readonly ref?: string;
  /** The workflow file path in the repository, e.g. `.github/workflows/release.yml`. */
  readonly workflow?: string;
  /** The legacy v1 workflow name (the `name:` of the workflow), when the certificate carries it. */
  readonly workflowName?: string;
  readonly sha?: string;
  readonly trigger?: string;
}

type Claim = 'issuer' | 'trigger' | 'sha' | 'workflowName' | 'repository' | 'ref' | 'sourceRepositoryUri' | 'buildConfigUri';

/** OID → claim, and whether the value is DER-encoded (v2) or raw (v1). v2 wins when both are present. */
const CLAIM_OIDS: readonly { readonly oid: string; readonly claim: Claim; readonly der: boolean }[] = [
  { oid: '1.3.6.1.4.1.57264.1.8', claim: 'issuer', der: true },
  { oid: '1.3.6.1.4.1.57264.1.20', claim: 'trigger', der: true },
  { oid: '1.3.6.1.4.1.57264.1.13', claim: 'sha', der: true },
  { oid: '1.3.6.1.4.1.57264.1.12', claim: 'sourceRepositoryUri', der: true },
  { oid: '1.3.6.1.4.1.57264.1.14', claim: 'ref', der: true },
  { oid: '1.3.6.1.4.1.57264.1.18', claim: 'buildConfigUri', der: true },
  { oid: '1.3.6.1.4.1.57264.1.1', claim: 'issuer', der: false },
  { oid: '1.3.6.1.4.1.57264.1.2', claim: 'trigger', der: false },
  { oid: '1.3.6.1.4.1.57264.1.3', claim: 'sha', der: false },
  { oid: '1.3.6.1.4.1.57264.1.4', claim: 'workflowName', der: false },
  { oid: '1.3.6.1.4.1.57264.1.5', claim: 'repository', der: false },
  { oid: '1.3.6.1.4.1.57264.1.6', claim: 'ref', der: false },
];

/** The text of a DER-encoded string (UTF8String, IA5String, PrintableString); undefined when it is not one. */
function derString(der: Buffer): string | undefined {
  const tag = der[0];
  if (tag !== 0x0c && tag !== 0x16 && tag !== 0x13) return undefined;
  let length = der[1] ?? 0;
  let offset = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = (length << 8) | (der[2 + i] ?? 0);
    offset = 2 + bytes;
  }
  if (offset + length > der.length) return undefined;
  return der.subarray(offset, offset + length).toString('utf8');
}

function extensionText(cert: X509Certificate, oid: string, der: boolean): string | undefined {
  const ext = cert.extension(oid);
  if (ext === undefined) return undefined;
  try {
    return der ? derString(ext.value) : ext.value.toString('utf8');
  } catch {
    return undefined;
  }
}

/** `https://github.com/owner/repo/.github/workflows/x.yml@refs/heads/main` → { repository, workflow, ref }. */
function parseWorkflowUri(uri: string): { repository?: string; workflow?: string; ref?: string } {
  const m = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)(?:@(.+))?$/.exec(uri);
  if (m === null) return {};
  return { ...(m[1] !== undefined ? { repository: m[1] } : {}), ...(m[2] !== undefined ? { workflow: m[2] } : {}), ...(m[3] !== undefined ? { ref: m[3] } : {}) };
}

export function certificateIdentity(cert: X509Certificate): SignerIdentity {
  const claims: Partial<Record<Claim, string>> = {};
  for (const { oid, claim, der } of CLAIM_OIDS) {
    if (claims[claim] !== undefined) continue;
    const value = extensionText(cert, oid, der);
    if (value !== undefined && value !== '') claims[claim] = value;
  }
  const san = cert.subjectAltName;
  const fromConfig = claims.buildConfigUri !== undefined ? parseWorkflowUri(claims.buildConfigUri) : {};
  const fromSan = san !== undefined ? parseWorkflowUri(san) : {};
  const fromSource = claims.sourceRepositoryUri !== undefined ? /^https:\/\/[^/]+\/([^/]+\/[^/]+)$/.exec(claims.sourceRepositoryUri)?.[1] : undefined;
  const repository = claims.repository ?? fromSource ?? fromConfig.repository ?? fromSan.repository;
  const workflow = fromConfig.workflow ?? fromSan.workflow;
  const ref = claims.ref ?? fromConfig.ref ?? fromSan.ref;
  const out: Record<string, string> = {};
  const set = (key: keyof SignerIdentity, value: string | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('subjectAlternativeName', san);
  set('issuer', claims.issuer);
  set('repository', repository);
  set('ref', ref);
  set('workflow', workflow);
  set('workflowName', claims.workflowName);
  set('sha', claims.sha);
  set('trigger', claims.trigger);
  return out;
}
