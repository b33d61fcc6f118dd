/**
 * DSSE (Dead Simple Signing Envelope, https://github.com/secure-systems-lab/dsse): the envelope type,
 * a strict parser for untrusted envelopes, and PAE (the pre-authentication encoding that signatures cover).
 * Keys, signing and signature verification live elsewhere; this file only reads and encodes.
 */
import { InputError } from '../core/errors.js';
import { isRecord, keyPath, parseJsonText } from '../core/parse.js';

/** The in-toto payload type. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseSignature {
  /** Opaque hint naming the key; optional in the spec. */
  readonly keyid?: string;
  /** Base64 (standard or URL-safe alphabet) of the signature over PAE(payloadType, payload). */
  readonly sig: string;
}

export interface DsseEnvelope {
  /** Base64 (standard or URL-safe alphabet) of the serialized body. */
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly DsseSignature[];
}

/** Where an envelope came from, for error messages: the file and the JSON path of the envelope in it. */
export interface DsseSource {
  readonly file: string;
  /** JSON path of the envelope inside the file (e.g. `dsseEnvelope` in a Sigstore bundle); '' for the root. */
  readonly path?: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

function fail(source: DsseSource, segments: (string | number)[], message: string): never {
  const base = source.path ?? '';
  const rest = keyPath(...segments);
  const path = base === '' ? rest : rest === '' ? base : rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
  throw new InputError(`invalid DSSE envelope: ${message}`, { file: source.file, path });
}

function base64Field(value: unknown, source: DsseSource, segments: (string | number)[]): string {
  if (typeof value !== 'string') fail(source, segments, 'expected a base64 string');
  if (!BASE64.test(value)) fail(source, segments, 'not valid base64');
  return value;
}

/**
 * Reads an untrusted value as a DSSE envelope. Strict: `payload` and `payloadType` must be strings, `payload` and
 * every `sig` valid base64 (either alphabet, padding optional), `keyid` a string when present, `signatures` an array.
 * Unknown keys are ignored (the envelope format may grow). Errors are InputErrors naming the file and JSON path.
 */
export function parseDsseEnvelope(value: unknown, source: DsseSource): DsseEnvelope {
  if (!isRecord(value)) fail(source, [], 'expected a JSON object');
  const payload = base64Field(value['payload'], source, ['payload']);
  const payloadType = value['payloadType'];
  if (typeof payloadType !== 'string') fail(source, ['payloadType'], 'expected a string');
  const rawSignatures = value['signatures'];
  if (!Array.isArray(rawSignatures)) fail(source, ['signatures'], 'expected an array');
  const signatures = rawSignatures.map((entry: unknown, i): DsseSignature => {
    if (!isRecord(entry)) fail(source, ['signatures', i], 'expected a JSON object');
    const sig = base64Field(entry['sig'], source, ['signatures', i, 'sig']);
    const keyid = entry['keyid'];
    if (keyid === undefined || keyid === null) return { sig };
    if (typeof keyid !== 'string') fail(source, ['signatures', i, 'keyid'], 'expected a string');
    return { keyid, sig };
  });
  return { payload, payloadType, signatures };
}

/** Parses JSON text (a file's content) as a DSSE envelope. */
export function parseDsseEnvelopeText(text: string, file: string): DsseEnvelope {
  const value = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
  return parseDsseEnvelope(value, { file });
}

/** Decodes base64 in either alphabet (DSSE verifiers must accept both). */
export function decodeBase64(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** The payload bytes of an envelope. */
export function dssePayloadBytes(envelope: DsseEnvelope): Buffer {
  return decodeBase64(envelope.payload);
}

/**
 * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the ASCII decimal byte length
 * (of the UTF-8 encoding of the type). This is what a DSSE signature covers.
 */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const head = Buffer.from(`DSSEv1 ${type.length} `, 'utf8');
  const middle = Buffer.from(` ${payload.length} `, 'utf8');
  return Buffer.concat([head, type, middle, payload]);
}
