/** providers.aws.sign_req: AWS SigV4 signing of an http.send-style request object. */
import { isObject } from '../value/kinds.js';
import { makeObject, objEntries, objGet } from '../value/object.js';
import { fail } from './registry.js';
import { signV4 } from './support/aws-sigv4.js';
import { parseUrl } from './support/go-url.js';
import { marshalJson } from './support/json-text.js';
import { operandError } from './support/operands.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const NAME = 'providers.aws.sign_req';
const REQUIRED_CONFIG = ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'];
const REQUIRED_REQUEST = ['method', 'url'];

const setText = (keys: readonly string[]): string => `{${keys.map((k) => JSON.stringify(k)).join(', ')}}`;
const str = (v: Value | undefined): string => (typeof v === 'string' ? v : '');

function checkKeys(o: ObjectValue, required: readonly string[], pos: number, what: string): void {
  const missing = required.filter((k) => objGet(o, k) === undefined);
  if (missing.length > 0) throw operandError(NAME, pos, `missing required ${what} parameters(s): ${setText(missing)}`);
  const invalid = required.filter((k) => typeof objGet(o, k) !== 'string');
  if (invalid.length > 0) throw operandError(NAME, pos, `invalid values for required ${what} parameters(s): ${setText(invalid)}`);
}

/** host[:port] and the escaped path of a URL. */
function target(url: string): { host: string; path: string; query: string } {
  const u = parseUrl(url);
  const host = u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname;
  return { host: u.port ? `${host}:${u.port}` : host, path: u.rawPath, query: u.rawQuery };
}

function signRequest(req: ObjectValue, config: ObjectValue, timeNs: Value): Value {
  checkKeys(config, REQUIRED_CONFIG, 2, 'AWS config');
  // signing times before the epoch are meaningless for SigV4 and rejected with non-integral times
  if (Number(timeNs) < 0 || (typeof timeNs === 'number' && !Number.isSafeInteger(timeNs))) throw operandError(NAME, 3, 'could not convert time_ns value into a unix timestamp');
  if (typeof timeNs === 'bigint' && (timeNs > (1n << 63n) - 1n || timeNs < -(1n << 63n))) throw operandError(NAME, 3, 'could not convert time_ns value into a unix timestamp');
  checkKeys(req, REQUIRED_REQUEST, 1, 'request');
  const headersValue = objGet(req, 'headers') ?? {};
  if (!isObject(headersValue)) throw operandError(NAME, 1, 'headers must be an object');
  const headers = new Map<string, string>();
  for (const [k, v] of objEntries(headersValue)) headers.set(str(k), str(v));
  const unsigned = objGet(config, 'disable_payload_signing');
  if (unsigned !== undefined && typeof unsigned !== 'boolean') throw operandError(NAME, 2, "invalid value for 'disable_payload_signing' in AWS config");
  const raw = objGet(req, 'raw_body');
  const body = objGet(req, 'body');
  const bytes = Buffer.from(raw !== undefined ? str(raw) : body !== undefined ? marshalJson(body) : '', 'utf8');
  let t: { host: string; path: string; query: string };
  try {
    t = target(str(objGet(req, 'url')));
  } catch (e) {
    throw fail(NAME, (e as Error).message, e);
  }
  const { authorization, awsHeaders } = signV4({
    method: str(objGet(req, 'method')),
    host: t.host,
    escapedPath: t.path,
    rawQuery: t.query,
    headers,
    body: bytes,
    service: str(objGet(config, 'aws_service')),
    creds: { accessKey: str(objGet(config, 'aws_access_key')), secretKey: str(objGet(config, 'aws_secret_access_key')), region: str(objGet(config, 'aws_region')), sessionToken: str(objGet(config, 'aws_session_token')) },
    timeMs: Number(BigInt(timeNs as number | bigint) / 1_000_000n),
    unsignedPayload: unsigned === true,
  });
  const signed = new Map<string, string>(headers);
  signed.set('Authorization', authorization);
  for (const [k, v] of awsHeaders) signed.set(k, v);
  return makeObject([...[...objEntries(req)].filter(([k]) => k !== 'headers'), ['headers', makeObject(signed)]]);
}

export const AWS_BUILTINS: readonly BuiltinDecl[] = [
  { name: NAME, args: ['object', 'object', 'number'], impl: ([r, c, t]) => signRequest(r as ObjectValue, c as ObjectValue, t as Value) },
];
