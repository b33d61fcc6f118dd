/**
 * in-toto attestation Statement (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md):
 * the type, and a strict parser for untrusted statements. v1 is what we write; v0.1 is still in the wild
 * (slsa-github-generator's generic generator) and is read too. Version differences are data (STATEMENT_VERSIONS).
 */
import { InputError } from '../core/errors.js';
import { isRecord, keyPath } from '../core/parse.js';

export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';

/** What differs between Statement versions. */
export interface StatementVersion {
  readonly type: string;
  readonly label: 'v1' | 'v0.1';
  /** v1 subjects are ResourceDescriptors (name optional, uri/content allowed); v0.1 subjects need name + digest. */
  readonly subjectNameRequired: boolean;
}

export const STATEMENT_VERSIONS: Readonly<Record<string, StatementVersion>> = {
  [STATEMENT_V1]: { type: STATEMENT_V1, label: 'v1', subjectNameRequired: false },
  [STATEMENT_V01]: { type: STATEMENT_V01, label: 'v0.1', subjectNameRequired: true },
};

/** An in-toto ResourceDescriptor (the shape of subjects and of SLSA resolvedDependencies). */
export interface ResourceDescriptor {
  readonly name?: string;
  readonly uri?: string;
  /** Algorithm name (`sha256`, `sha512`, `gitCommit`, ...) to lowercase hex (or the algorithm's own encoding). */
  readonly digest?: Readonly<Record<string, string>>;
  readonly content?: string;
  readonly downloadLocation?: string;
  readonly mediaType?: string;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

export interface Statement<P = unknown> {
  readonly _type: string;
  readonly subject: readonly ResourceDescriptor[];
  readonly predicateType: string;
  readonly predicate?: P;
}

/** A parsed statement and the capabilities of its version. */
export interface ParsedStatement {
  readonly statement: Statement;
  readonly version: StatementVersion;
}

/** Where a statement came from, for error messages. */
export interface StatementSource {
  readonly file: string;
  /** JSON path of the statement in the file (e.g. `dsseEnvelope.payload` for a decoded payload). */
  readonly path?: string;
}

function fail(source: StatementSource, segments: (string | number)[], message: string): never {
  const base = source.path ?? '';
  const rest = keyPath(...segments);
  const path = base === '' ? rest : rest === '' ? base : rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
  throw new InputError(`invalid in-toto statement: ${message}`, { file: source.file, path });
}

function optionalString(obj: Record<string, unknown>, key: string, source: StatementSource, at: (string | number)[]): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(source, [...at, key], 'expected a string');
  return value;
}

/** Reads one ResourceDescriptor; `at` is its key path (for messages). */
export function parseResourceDescriptor(value: unknown, source: StatementSource, at: (string | number)[]): ResourceDescriptor {
  if (!isRecord(value)) fail(source, at, 'expected a JSON object');
  const out: { -readonly [K in keyof ResourceDescriptor]: ResourceDescriptor[K] } = {};
  for (const key of ['name', 'uri', 'content', 'downloadLocation', 'mediaType'] as const) {
    const s = optionalString(value, key, source, at);
    if (s !== undefined) out[key] = s;
  }
  const digest = value['digest'];
  if (digest !== undefined) {
    if (!isRecord(digest)) fail(source, [...at, 'digest'], 'expected an object of algorithm to digest');
    const entries: [string, string][] = [];
    for (const [alg, d] of Object.entries(digest)) {
      if (typeof d !== 'string' || d === '') fail(source, [...at, 'digest', alg], 'expected a non-empty string');
      entries.push([alg, d]);
    }
    out.digest = Object.fromEntries(entries);
  }
  const annotations = value['annotations'];
  if (annotations !== undefined) {
    if (!isRecord(annotations)) fail(source, [...at, 'annotations'], 'expected a JSON object');
    out.annotations = annotations;
  }
  return out;
}

/**
 * Reads an untrusted value as an in-toto Statement (v1 or v0.1). Every subject needs a non-empty digest
 * (and, in v0.1, a name). The predicate is kept as-is (unknown): predicate parsers read it.
 */
export function parseStatement(value: unknown, source: StatementSource): ParsedStatement {
  if (!isRecord(value)) fail(source, [], 'expected a JSON object');
  const type = value['_type'];
  if (typeof type !== 'string') fail(source, ['_type'], 'expected a string');
  const version = STATEMENT_VERSIONS[type];
  if (version === undefined) {
    fail(source, ['_type'], `unsupported statement type "${type}" (supported: ${Object.keys(STATEMENT_VERSIONS).join(', ')})`);
  }
  const rawSubjects = value['subject'];
  if (!Array.isArray(rawSubjects)) fail(source, ['subject'], 'expected an array');
  if (rawSubjects.length === 0) fail(source, ['subject'], 'a statement needs at least one subject');
  const subject = rawSubjects.map((s: unknown, i) => {
    const d = parseResourceDescriptor(s, source, ['subject', i]);
    if (d.digest === undefined || Object.keys(d.digest).length === 0) fail(source, ['subject', i, 'digest'], 'a subject needs a digest');
    if (version.subjectNameRequired && d.name === undefined) fail(source, ['subject', i, 'name'], `a ${version.label} subject needs a name`);
    return d;
  });
  const predicateType = value['predicateType'];
  if (typeof predicateType !== 'string' || predicateType === '') fail(source, ['predicateType'], 'expected a non-empty string (a URI)');
  const predicate = value['predicate'];
  if (predicate !== undefined && !isRecord(predicate)) fail(source, ['predicate'], 'expected a JSON object');
  const statement: Statement =
    predicate === undefined ? { _type: type, subject, predicateType } : { _type: type, subject, predicateType, predicate };
  return { statement, version };
}
