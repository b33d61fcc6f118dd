/**
 * Reads an untrusted attestation file in any of the shapes attestations travel in: a plain in-toto statement, a DSSE
 * envelope, a Sigstore bundle (dsseEnvelope or messageSignature), the npm registry's attestations document, or JSON
 * Lines of those. Signatures are NOT verified here (that is `chainwarden verify`); this only reads what is claimed.
 * Errors name the file, the line (JSON Lines) and the JSON path at fault.
 */
import { InputError } from '../core/errors.js';
import { isRecord, keyPath, parseJsonText } from '../core/parse.js';
import { IN_TOTO_PAYLOAD_TYPE, dssePayloadBytes, parseDsseEnvelope } from './dsse.js';
import type { ProvenanceFacts } from './slsa-predicates.js';
import { PREDICATE_READERS } from './slsa-predicates.js';
import type { ParsedStatement } from './statement.js';
import { parseStatement } from './statement.js';

export type AttestationWrapper = 'statement' | 'dsse' | 'sigstore-bundle';

export interface Attestation {
  /** Where in the file: `line 2`, `attestations[1].bundle`, or '' for the whole file. */
  readonly location: string;
  readonly wrapper: AttestationWrapper;
  readonly bundleMediaType?: string;
  readonly payloadType?: string;
  /** Number of signatures carried (none verified). */
  readonly signatures: number;
  /** The statement; absent for a bundle that signs a bare message digest. */
  readonly statement?: ParsedStatement;
  /** SLSA provenance facts, when the predicate is SLSA provenance (v0.2 or v1). */
  readonly provenance?: ProvenanceFacts;
  /** A messageSignature bundle's digest (hex). */
  readonly messageDigest?: { readonly algorithm: string; readonly digest: string };
}

interface Where {
  readonly file: string;
  readonly line?: number;
  readonly path: Path;
}
type Path = (string | number)[];

const at = (w: Where, ...more: Path): Where => ({ ...w, path: [...w.path, ...more] });
const pathText = (w: Where): string => keyPath(...w.path);
const source = (w: Where): { file: string; path: string } => ({ file: w.line !== undefined ? `${w.file}:${w.line}` : w.file, path: pathText(w) });

function fail(w: Where, message: string): never {
  throw new InputError(message, { file: w.file, ...(w.line !== undefined ? { line: w.line } : {}), path: pathText(w) });
}

function location(w: Where): string {
  const p = pathText(w);
  if (w.line === undefined) return p;
  return p === '' ? `line ${w.line}` : `line ${w.line} ${p}`;
}

function withProvenance(statement: ParsedStatement, w: Where): ProvenanceFacts | undefined {
  const reader = PREDICATE_READERS[statement.statement.predicateType];
  return reader?.read(statement.statement.predicate, source(w));
}

function readStatement(value: unknown, w: Where): Attestation {
  const statement = parseStatement(value, source(w));
  const provenance = withProvenance(statement, w);
  return { location: location(w), wrapper: 'statement', signatures: 0, statement, ...(provenance !== undefined ? { provenance } : {}) };
}

function readDsse(value: unknown, w: Where, wrapper: AttestationWrapper, extra: Partial<Attestation> = {}): Attestation {
  const envelope = parseDsseEnvelope(value, source(w));
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) fail(at(w, 'payloadType'), `unsupported DSSE payload type "${envelope.payloadType}" (expected ${IN_TOTO_PAYLOAD_TYPE})`);
  const payloadAt = at(w, 'payload');
  let payload: unknown;
  try {
    payload = JSON.parse(dssePayloadBytes(envelope).toString('utf8'));
  } catch (error) {
    throw new InputError('the DSSE payload is not JSON', { file: w.file, ...(w.line !== undefined ? { line: w.line } : {}), path: pathText(payloadAt) }, { cause: error });
  }
  const statement = parseStatement(payload, source(payloadAt));
  const provenance = withProvenance(statement, payloadAt);
  return { location: location(w), wrapper, payloadType: envelope.payloadType, signatures: envelope.signatures.length, statement, ...extra, ...(provenance !== undefined ? { provenance } : {}) };
}

function readBundle(value: Record<string, unknown>, w: Where): Attestation {
  const mediaType = value['mediaType'] as string;
  if (value['dsseEnvelope'] !== undefined) return readDsse(value['dsseEnvelope'], at(w, 'dsseEnvelope'), 'sigstore-bundle', { bundleMediaType: mediaType, location: location(w) });
  const message = value['messageSignature'];
  if (!isRecord(message)) fail(w, 'a Sigstore bundle needs dsseEnvelope or messageSignature');
  const md = message['messageDigest'];
  if (!isRecord(md) || typeof md['algorithm'] !== 'string' || typeof md['digest'] !== 'string') fail(at(w, 'messageSignature', 'messageDigest'), 'expected {algorithm, digest}');
  // Sigstore's HashAlgorithm enum names (SHA2_256, ...) to the usual names (sha256, ...).
  const algorithm = md['algorithm'].toLowerCase().replace(/^sha2_/, 'sha').replace(/^sha3_/, 'sha3-');
  return {
    location: location(w),
    wrapper: 'sigstore-bundle',
    bundleMediaType: mediaType,
    signatures: typeof message['signature'] === 'string' ? 1 : 0,
    messageDigest: { algorithm, digest: Buffer.from(md['digest'], 'base64').toString('hex') },
  };
}

function readValue(value: unknown, w: Where): Attestation[] {
  if (!isRecord(value)) fail(w, 'expected a JSON object (an in-toto statement, a DSSE envelope or a Sigstore bundle)');
  const attestations = value['attestations'];
  if (Array.isArray(attestations)) {
    // The npm registry's attestations document: {attestations: [{predicateType, bundle}]}.
    return attestations.flatMap((entry: unknown, i) => {
      if (!isRecord(entry)) fail(at(w, 'attestations', i), 'expected a JSON object');
      return readValue(entry['bundle'], at(w, 'attestations', i, 'bundle'));
    });
  }
  if (typeof value['mediaType'] === 'string' && value['mediaType'].startsWith('application/vnd.dev.sigstore.bundle')) return [readBundle(value, w)];
  if ('payloadType' in value || 'payload' in value || 'signatures' in value) return [readDsse(value, w, 'dsse')];
  if ('_type' in value) return [readStatement(value, w)];
  return fail(w, 'not an in-toto statement, a DSSE envelope, a Sigstore bundle or an npm attestations document');
}

/** Reads every attestation in a file's text. */
export function readAttestations(text: string, file: string): Attestation[] {
  const lines = text.split('\n');
  const nonEmpty = lines.map((l, i) => ({ l: l.trim(), line: i + 1 })).filter((x) => x.l !== '');
  if (nonEmpty.length === 0) throw new InputError('empty file', { file });
  let jsonLines = /\.jsonl$/i.test(file);
  if (!jsonLines && nonEmpty.length > 1) {
    try {
      JSON.parse(nonEmpty[0]?.l ?? '');
      jsonLines = true;
    } catch {
      jsonLines = false;
    }
  }
  if (!jsonLines) {
    const value = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
    return readValue(value, { file, path: [] });
  }
  return nonEmpty.flatMap(({ l, line }) => {
    const value = parseJsonText(l, `${file}:${line}`, (message, _loc, cause) => new InputError(message, { file, line }, { cause }));
    return readValue(value, { file, line, path: [] });
  });
}
