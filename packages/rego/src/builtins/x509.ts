/** crypto.x509.* and key parsing builtins (PEM or base64-encoded PEM/DER inputs). */
import type { X509Certificate } from 'node:crypto';
import { createPrivateKey } from 'node:crypto';
import { objGet, objKeys } from '../value/object.js';
import { fail } from './registry.js';
import { DerError } from './support/der.js';
import { certificateRequestValue, certificateValue, parseCertificates } from './support/x509.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinContext, BuiltinDecl } from './registry.js';

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const VERIFY_OPTIONS = ['DNSName', 'CurrentTime', 'MaxConstraintComparisons', 'KeyUsages'];

/** PEM text as is; anything else must be standard base64 (of PEM or DER). */
function inputBytes(s: string): Buffer {
  if (s.trimStart().startsWith('-----BEGIN')) return Buffer.from(s, 'utf8');
  const compact = s.replace(/[\r\n]/g, '');
  if (!B64.test(compact) || compact.length % 4 !== 0) {
    const bad = [...compact].findIndex((c) => !/[A-Za-z0-9+/=]/.test(c));
    throw new DerError(`illegal base64 data at input byte ${bad < 0 ? compact.length : bad}`);
  }
  return Buffer.from(compact, 'base64');
}

function guard<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

function pemBlocks(bytes: Buffer, type: RegExp): string[] {
  const text = bytes.toString('utf8');
  return (text.match(/-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g) ?? []).filter((b) => type.test(b));
}

function privateKeyJwk(pem: string): Value {
  return createPrivateKey(pem).export({ format: 'jwk' }) as unknown as Value;
}

/** Verifies a chain given root first and leaf last (OPA's order); the verified chain runs leaf to root. */
function verifyChain(certs: readonly X509Certificate[], nowMs: number): boolean {
  if (certs.length < 2) return false;
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i] as X509Certificate;
    const issuer = certs[i + 1] ?? c;
    if (nowMs < Date.parse(c.validFrom) || nowMs > Date.parse(c.validTo)) return false;
    if (!c.checkIssued(issuer) || !c.verify(issuer.publicKey)) return false;
    if (i > 0 && !c.ca) return false;
  }
  return true;
}

export const X509_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'crypto.x509.parse_certificates',
    args: ['string'],
    impl: ([s]) => guard('crypto.x509.parse_certificates', () => parseCertificates(inputBytes(s as string)).map(certificateValue)),
  },
  {
    name: 'crypto.x509.parse_and_verify_certificates',
    args: ['string'],
    impl: ([s], ctx: BuiltinContext) =>
      guard('crypto.x509.parse_and_verify_certificates', () => {
        const certs = parseCertificates(inputBytes(s as string)).reverse();
        return verifyChain(certs, Number(ctx.nowNs / 1_000_000n)) ? [true, certs.map(certificateValue)] : [false, []];
      }),
  },
  {
    name: 'crypto.x509.parse_and_verify_certificates_with_options',
    args: ['string', 'object'],
    impl: ([s, o], ctx: BuiltinContext) =>
      guard('crypto.x509.parse_and_verify_certificates_with_options', () => {
        const opts = o as ObjectValue;
        for (const k of objKeys(opts)) if (typeof k !== 'string' || !VERIFY_OPTIONS.includes(k)) throw new Error(`invalid key ${JSON.stringify(k)} in options`);
        const time = objGet(opts, 'CurrentTime');
        const nowMs = typeof time === 'number' || typeof time === 'bigint' ? Number(BigInt(time) / 1_000_000n) : Number(ctx.nowNs / 1_000_000n);
        const certs = parseCertificates(inputBytes(s as string)).reverse();
        const dns = objGet(opts, 'DNSName');
        const leaf = certs[0];
        const dnsOk = typeof dns !== 'string' || dns === '' || (leaf !== undefined && leaf.checkHost(dns) !== undefined);
        return dnsOk && verifyChain(certs, nowMs) ? [true, certs.map(certificateValue)] : [false, []];
      }),
  },
  {
    name: 'crypto.x509.parse_certificate_request',
    args: ['string'],
    impl: ([s]) =>
      guard('crypto.x509.parse_certificate_request', () => {
        const bytes = inputBytes(s as string);
        const pem = pemBlocks(bytes, /CERTIFICATE REQUEST/)[0];
        const der = pem ? Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64') : bytes;
        return certificateRequestValue(der);
      }),
  },
  {
    name: 'crypto.x509.parse_keypair',
    args: ['string', 'string'],
    impl: ([c, k]) =>
      guard('crypto.x509.parse_keypair', () => {
        const certs = parseCertificates(inputBytes(c as string));
        const key = pemBlocks(inputBytes(k as string), /PRIVATE KEY/)[0];
        if (certs.length === 0) throw new Error('tls: failed to find any PEM data in certificate input');
        if (!key) throw new Error('tls: failed to find any PEM data in key input');
        return { Certificate: certs.map((x) => x.raw.toString('base64')), PrivateKey: privateKeyJwk(key), Leaf: certificateValue(certs[0] as X509Certificate) };
      }),
  },
  {
    name: 'crypto.x509.parse_rsa_private_key',
    args: ['string'],
    impl: ([s]) =>
      guard('crypto.x509.parse_rsa_private_key', () => {
        const key = pemBlocks(inputBytes(s as string), /PRIVATE KEY/)[0];
        if (!key) throw new Error('failed to parse PEM block containing the key');
        return privateKeyJwk(key);
      }),
  },
  {
    name: 'crypto.parse_private_keys',
    args: ['string'],
    impl: ([s]) => {
      if (s === '') return null;
      let bytes: Buffer;
      try {
        bytes = inputBytes(s as string);
      } catch {
        return [];
      }
      return guard('crypto.parse_private_keys', () => pemBlocks(bytes, /PRIVATE KEY/).map(privateKeyJwk));
    },
  },
];
