/** X.509 certificates and requests as Go's crypto/x509 structures show them to Rego (a useful subset). */
import { X509Certificate } from 'node:crypto';
import { children, DerError, oidText, readTlv, splitDer } from './der.js';
import type { Tlv } from './der.js';
import type { Value } from '../../value/types.js';

const NAME_FIELDS: Readonly<Record<string, string>> = {
  '2.5.4.6': 'Country',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.17': 'PostalCode',
};

/** A pkix.Name: CommonName and SerialNumber are strings, the other attributes lists (null when empty). */
export function nameValue(b: Buffer, name: Tlv): Record<string, Value> {
  const lists: Record<string, string[]> = {};
  const out: Record<string, Value> = { CommonName: '', SerialNumber: '' };
  const names: Value[] = [];
  for (const rdn of children(b, name))
    for (const atv of children(b, rdn)) {
      const [oid, val] = children(b, atv);
      if (!oid || !val) throw new DerError();
      const type = oidText(b, oid);
      const text = b.subarray(val.start, val.end).toString(val.tag === 0x1e ? 'utf16le' : 'utf8');
      names.push({ Type: type.split('.').map(Number), Value: text });
      if (type === '2.5.4.3') out.CommonName = text;
      else if (type === '2.5.4.5') out.SerialNumber = text;
      else {
        const field = NAME_FIELDS[type];
        if (field) (lists[field] ??= []).push(text);
      }
    }
  for (const f of Object.values(NAME_FIELDS)) out[f] = lists[f] ?? null;
  out.Names = names;
  out.ExtraNames = null;
  return out;
}

/** Subject alternative names from node's `subjectAltName` text. */
function altNames(text: string | undefined): Record<string, Value> {
  const dns: string[] = [];
  const emails: string[] = [];
  const ips: string[] = [];
  const uris: string[] = [];
  for (const part of (text ?? '').split(/, (?=[A-Za-z ]+:)/)) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const kind = part.slice(0, i);
    const value = part.slice(i + 1).replace(/^"|"$/g, '');
    if (kind === 'DNS') dns.push(value);
    else if (kind === 'email') emails.push(value);
    else if (kind === 'IP Address') ips.push(value);
    else if (kind === 'URI') uris.push(value);
  }
  const orNull = (xs: string[]): Value => (xs.length === 0 ? null : xs);
  return { DNSNames: orNull(dns), EmailAddresses: orNull(emails), IPAddresses: orNull(ips), URIStrings: orNull(uris) };
}

/** The tbsCertificate's issuer and subject Names. */
function certNames(der: Buffer): { issuer: Record<string, Value>; subject: Record<string, Value> } {
  const cert = readTlv(der, 0);
  const [tbs] = children(der, cert);
  if (!tbs) throw new DerError();
  const fields = children(der, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // explicit version
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (!issuer || !subject) throw new DerError();
  return { issuer: nameValue(der, issuer), subject: nameValue(der, subject) };
}

export function certificateValue(cert: X509Certificate): Value {
  const names = certNames(cert.raw);
  return {
    Raw: cert.raw.toString('base64'),
    Version: 3,
    SerialNumber: BigInt('0x' + cert.serialNumber).toString(),
    Issuer: names.issuer,
    Subject: names.subject,
    NotBefore: new Date(cert.validFrom).toISOString().replace('.000Z', 'Z'),
    NotAfter: new Date(cert.validTo).toISOString().replace('.000Z', 'Z'),
    IsCA: cert.ca,
    ...altNames(cert.subjectAltName),
  };
}

/** Certificates from PEM text or DER bytes (a chain of concatenated certificates). */
export function parseCertificates(bytes: Buffer): X509Certificate[] {
  const text = bytes.toString('utf8');
  if (text.includes('-----BEGIN')) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map((p) => new X509Certificate(p));
  }
  try {
    return splitDer(bytes).map((d) => new X509Certificate(d));
  } catch {
    throw new DerError('x509: malformed certificate');
  }
}

/** The subject of a PKCS #10 certificate request (DER). */
export function certificateRequestValue(der: Buffer): Value {
  const req = readTlv(der, 0);
  if (req.tag !== 0x30) throw new DerError();
  const [info] = children(der, req);
  if (!info) throw new DerError();
  const [version, subject] = children(der, info);
  if (!version || !subject || subject.tag !== 0x30) throw new DerError();
  return { Raw: der.toString('base64'), Version: der[version.start] ?? 0, Subject: nameValue(der, subject) };
}
