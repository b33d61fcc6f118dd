/**
 * Supplier trust policies (YAML): for each supplier, the keyless identities and the public keys it signs with,
 * each with an optional validity window, and a revocation list. Parsed strictly at the boundary: an unknown key or
 * a wrong type is an InputError (TRUST_POLICY_INVALID) naming the file and the key path.
 *
 *   suppliers:
 *     acme:
 *       identities:
 *         - issuer: https://token.actions.githubusercontent.com
 *           subject_regexp: https://github\.com/acme/widget/\.github/workflows/release\.yml@refs/tags/v.*
 *           repository: acme/widget
 *           valid_from: 2024-01-01T00:00:00Z
 *       keys:
 *         - key: keys/acme-2025.pub        # relative to this file; or `pem: |` inline
 *           valid_until: 2026-06-30T23:59:59Z
 *       revoked:
 *         - key: keys/acme-2023.pub
 *           reason: leaked in incident 42
 *         - subject: https://github.com/acme/widget/.github/workflows/old.yml@refs/heads/main
 *           issuer: https://token.actions.githubusercontent.com
 *           since: 2025-03-01T00:00:00Z
 */
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError, IoError } from '../core/errors.js';
import { isRecord, keyPath, parseYamlText } from '../core/parse.js';
import type { IdentityPolicy } from './identity-policy.js';
import { keyHint, parsePublicKey } from './keys.js';

export interface ValidityWindow {
  readonly validFrom?: Date;
  readonly validUntil?: Date;
}

export interface TrustedIdentity extends ValidityWindow {
  readonly policy: IdentityPolicy;
  /** Where it is in the policy file, e.g. `suppliers.acme.identities[0]`. */
  readonly at: string;
}

export interface TrustedKey extends ValidityWindow {
  readonly key: KeyObject;
  /** The key ids that name this key in bundles: cosign's hint, plus `key_id` when given (e.g. npm's `SHA256:…`). */
  readonly keyIds: readonly string[];
  readonly at: string;
}

export interface Revocation {
  readonly keyHint?: string;
  readonly subject?: string;
  readonly issuer?: string;
  /** Signatures made at or after this time fail; undefined = every signature fails. */
  readonly since?: Date;
  readonly reason?: string;
  readonly at: string;
}

export interface SupplierTrust {
  readonly name: string;
  readonly identities: readonly TrustedIdentity[];
  readonly keys: readonly TrustedKey[];
  readonly revoked: readonly Revocation[];
}

export interface TrustPolicy {
  readonly file: string;
  readonly suppliers: ReadonlyMap<string, SupplierTrust>;
}

type Path = (string | number)[];

function fail(file: string, path: Path, message: string): never {
  throw new InputError(`invalid trust policy: ${message}`, { file, path: keyPath(...path) }, { code: 'TRUST_POLICY_INVALID' });
}

function strictKeys(file: string, value: Record<string, unknown>, path: Path, known: readonly string[]): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) fail(file, [...path, key], `unknown key "${key}" (known keys: ${known.join(', ')})`);
}

function optString(file: string, value: Record<string, unknown>, key: string, path: Path): string | undefined {
  const v = value[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') fail(file, [...path, key], 'expected a non-empty string');
  return v;
}

function optDate(file: string, value: Record<string, unknown>, key: string, path: Path): Date | undefined {
  const v = value[key];
  if (v === undefined || v === null) return undefined;
  const date = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) fail(file, [...path, key], 'expected an RFC 3339 timestamp, e.g. 2025-01-31T00:00:00Z');
  return date;
}

function optList(file: string, value: Record<string, unknown>, key: string, path: Path): unknown[] {
  const v = value[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(file, [...path, key], 'expected a list');
  return v as unknown[];
}

function windowOf(file: string, entry: Record<string, unknown>, path: Path): ValidityWindow {
  const validFrom = optDate(file, entry, 'valid_from', path);
  const validUntil = optDate(file, entry, 'valid_until', path);
  if (validFrom !== undefined && validUntil !== undefined && validUntil < validFrom) fail(file, path, 'valid_until is before valid_from');
  return { ...(validFrom !== undefined ? { validFrom } : {}), ...(validUntil !== undefined ? { validUntil } : {}) };
}

async function keyFrom(file: string, baseDir: string, entry: Record<string, unknown>, path: Path): Promise<KeyObject> {
  const keyFile = optString(file, entry, 'key', path);
  const pem = optString(file, entry, 'pem', path);
  if ((keyFile === undefined) === (pem === undefined)) fail(file, path, 'give exactly one of `key` (a PEM file) or `pem` (the PEM inline)');
  if (pem !== undefined) return parsePublicKey(pem, `${file} (at ${keyPath(...path, 'pem')})`);
  const at = resolve(baseDir, keyFile ?? '');
  let text: string;
  try {
    text = await readFile(at, 'utf8');
  } catch (error) {
    throw new IoError(`${file} (at ${keyPath(...path, 'key')}): cannot read ${keyFile ?? ''} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return parsePublicKey(text, keyFile ?? '');
}

const IDENTITY_KEYS = ['issuer', 'issuer_regexp', 'subject', 'subject_regexp', 'repository', 'ref', 'workflow', 'valid_from', 'valid_until'] as const;

function identityFrom(file: string, entry: Record<string, unknown>, path: Path): TrustedIdentity {
  strictKeys(file, entry, path, IDENTITY_KEYS);
  const s = (key: string): string | undefined => optString(file, entry, key, path);
  const policy: Record<string, string> = {};
  const map: [string, keyof IdentityPolicy][] = [
    ['issuer', 'issuer'],
    ['issuer_regexp', 'issuerRegexp'],
    ['subject', 'subject'],
    ['subject_regexp', 'subjectRegexp'],
    ['repository', 'repository'],
    ['ref', 'ref'],
    ['workflow', 'workflow'],
  ];
  for (const [from, to] of map) {
    const v = s(from);
    if (v !== undefined) policy[to] = v;
  }
  if ((policy['issuer'] === undefined) === (policy['issuerRegexp'] === undefined)) fail(file, path, 'an identity needs exactly one of `issuer` or `issuer_regexp`');
  if ((policy['subject'] === undefined) === (policy['subjectRegexp'] === undefined)) fail(file, path, 'an identity needs exactly one of `subject` or `subject_regexp`');
  for (const key of ['issuerRegexp', 'subjectRegexp'] as const) {
    const pattern = policy[key];
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      fail(file, [...path, key === 'issuerRegexp' ? 'issuer_regexp' : 'subject_regexp'], `invalid regular expression (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { policy: policy, ...windowOf(file, entry, path), at: keyPath(...path) };
}

async function revocationFrom(file: string, baseDir: string, entry: Record<string, unknown>, path: Path): Promise<Revocation> {
  strictKeys(file, entry, path, ['key', 'pem', 'key_id', 'subject', 'issuer', 'since', 'reason']);
  const since = optDate(file, entry, 'since', path);
  const reason = optString(file, entry, 'reason', path);
  const common = { ...(since !== undefined ? { since } : {}), ...(reason !== undefined ? { reason } : {}), at: keyPath(...path) };
  const keyId = optString(file, entry, 'key_id', path);
  if (entry['key'] !== undefined || entry['pem'] !== undefined) return { keyHint: keyHint(await keyFrom(file, baseDir, entry, path)), ...common };
  if (keyId !== undefined) return { keyHint: keyId, ...common };
  const subject = optString(file, entry, 'subject', path);
  if (subject === undefined) fail(file, path, 'a revocation names a key (`key`, `pem` or `key_id`) or an identity (`subject`, optionally `issuer`)');
  const issuer = optString(file, entry, 'issuer', path);
  return { subject, ...(issuer !== undefined ? { issuer } : {}), ...common };
}

/** Parses a trust-policy document. `file` names it in messages; key files are read relative to `baseDir`. */
export async function parseTrustPolicy(text: string, file: string, baseDir: string = dirname(file)): Promise<TrustPolicy> {
  const value = await parseYamlText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { code: 'TRUST_POLICY_INVALID', cause }));
  if (!isRecord(value)) fail(file, [], 'expected a mapping with `suppliers`');
  strictKeys(file, value, [], ['version', 'suppliers']);
  if (value['version'] !== undefined && value['version'] !== 1) fail(file, ['version'], 'only version 1 is known');
  const suppliersValue = value['suppliers'];
  if (!isRecord(suppliersValue)) fail(file, ['suppliers'], 'expected a mapping of supplier name to its trust');
  const suppliers = new Map<string, SupplierTrust>();
  for (const name of Object.keys(suppliersValue).sort()) {
    const entry = suppliersValue[name];
    const path: Path = ['suppliers', name];
    if (!isRecord(entry)) fail(file, path, 'expected a mapping');
    strictKeys(file, entry, path, ['identities', 'keys', 'revoked']);
    const identities = optList(file, entry, 'identities', path).map((e, i) => {
      if (!isRecord(e)) fail(file, [...path, 'identities', i], 'expected a mapping');
      return identityFrom(file, e, [...path, 'identities', i]);
    });
    const keys: TrustedKey[] = [];
    for (const [i, e] of optList(file, entry, 'keys', path).entries()) {
      const at: Path = [...path, 'keys', i];
      if (!isRecord(e)) fail(file, at, 'expected a mapping');
      strictKeys(file, e, at, ['key', 'pem', 'key_id', 'valid_from', 'valid_until']);
      const key = await keyFrom(file, baseDir, e, at);
      const keyId = optString(file, e, 'key_id', at);
      keys.push({ key, keyIds: [keyHint(key), ...(keyId !== undefined ? [keyId] : [])], ...windowOf(file, e, at), at: keyPath(...at) });
    }
    const revoked: Revocation[] = [];
    for (const [i, e] of optList(file, entry, 'revoked', path).entries()) {
      if (!isRecord(e)) fail(file, [...path, 'revoked', i], 'expected a mapping');
      revoked.push(await revocationFrom(file, baseDir, e, [...path, 'revoked', i]));
    }
    if (identities.length === 0 && keys.length === 0) fail(file, path, 'a supplier needs at least one identity or key');
    suppliers.set(name, { name, identities, keys, revoked });
  }
  return { file, suppliers };
}

export async function loadTrustPolicy(path: string, display: string = path): Promise<TrustPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${display}: cannot read the trust policy (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return parseTrustPolicy(text, display, dirname(path));
}
