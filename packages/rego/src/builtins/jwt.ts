/** JSON Web Tokens (io.jwt.*): decode, verify (RS/PS/ES/HS/EdDSA), decode_verify with constraints, encode_sign. */
import { isArray, isObject } from '../value/kinds.js';
import { objEntries, objGet } from '../value/object.js';
import { parseJson } from '../value/json.js';
import { fail } from './registry.js';
import { decodeBase64Url } from './support/base64url.js';
import { JWS_ALGORITHMS, signingKey, verificationKeys } from './support/jose-keys.js';
import { signJws, verifyJws } from './support/jws.js';
import { marshalJson } from './support/json-text.js';
import type { KeyObject } from 'node:crypto';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinContext, BuiltinDecl } from './registry.js';
import type { VerificationKey } from './support/jose-keys.js';

interface Token {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

class JwtError extends Error {}

function split(jwt: string): Token {
  if (!jwt.includes('.')) throw new JwtError('encoded JWT had no period separators');
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new JwtError(`encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0] as string, payload: parts[1] as string, signature: parts[2] as string };
}

function b64(what: string, s: string): Buffer {
  try {
    return decodeBase64Url(s);
  } catch (e) {
    throw new JwtError(`${what}${(e as Error).message}`);
  }
}

function jsonObject(text: string): ObjectValue {
  let v: Value;
  try {
    v = parseJson(text);
  } catch (e) {
    throw new JwtError(`invalid JSON: ${(e as Error).message}`);
  }
  if (!isObject(v)) throw new JwtError('decoded JSON type was not an Object');
  return v;
}

function decodeHeader(t: Token): ObjectValue {
  const text = b64('JWT header had invalid encoding: ', t.header).toString('utf8');
  let h: ObjectValue;
  try {
    h = jsonObject(text);
  } catch (e) {
    throw new JwtError(`bad JWT header: ${(e as Error).message}`);
  }
  if (objGet(h, 'enc') !== undefined) throw new JwtError('JWT is a JWE object, which is not supported');
  return h;
}

function decode(jwt: string): Value {
  const t = split(jwt);
  const header = decodeHeader(t);
  let payload = b64('JWT payload had invalid encoding: ', t.payload).toString('utf8');
  if (objGet(header, 'cty') === 'JWT') {
    payload = payload.replace(/^["']+|["']+$/g, '');
    return decode(payload);
  }
  const p = jsonObject(payload);
  const sig = b64('JWT signature had invalid encoding: ', t.signature).toString('hex');
  return [header, p, sig];
}

interface Header {
  alg: string;
  kid: string;
  cty: string;
  valid: boolean;
}

function parseHeader(h: ObjectValue): Header {
  const out: Header = { alg: '', kid: '', cty: '', valid: true };
  const unknown: string[] = [];
  let crit: Set<string> | undefined;
  for (const [k, v] of objEntries(h)) {
    if (k === 'alg' || k === 'kid' || k === 'typ' || k === 'cty') {
      if (typeof v !== 'string') throw new JwtError(`${k}: must be a string`);
      if (k !== 'typ') out[k] = v;
    } else if (k === 'crit') {
      if (!isArray(v)) throw new JwtError('crit: must be a list');
      crit = new Set(v.filter((x): x is string => typeof x === 'string'));
      if (crit.size === 0) throw new JwtError('crit: must be a nonempty list');
    } else unknown.push(typeof k === 'string' ? k : JSON.stringify(k));
  }
  out.valid = out.alg !== '' && !unknown.some((u) => crit?.has(u));
  return out;
}

function signedData(t: Token): Buffer {
  return Buffer.from(`${t.header}.${t.payload}`, 'utf8');
}

function verifyWith(alg: string, jwt: string, keyText: string): boolean {
  const t = split(jwt);
  const keys = verificationKeys(keyText);
  const sig = b64('', t.signature);
  const header = parseHeader(decodeHeader(t));
  return verifyKeys(keys, header.kid, header.alg, alg, signedData(t), sig);
}

function verifyKeys(keys: readonly VerificationKey[], kid: string, headerAlg: string, alg: string, data: Buffer, sig: Buffer): boolean {
  if (kid !== '') {
    const k = keys.find((x) => x.kid === kid);
    if (k) return verifyJws(alg, k.key, data, sig);
  }
  return keys.some((k) => (k.alg === '' || k.alg === headerAlg) && verifyJws(alg, k.key, data, sig));
}

function verifyHs(alg: string, jwt: string, secret: string): boolean {
  const t = split(jwt);
  const sig = b64('', t.signature);
  const mac = signJws(alg, secretKey(secret), signedData(t));
  return mac.equals(sig);
}

function secretKey(secret: string): KeyObject {
  return signingKey(JSON.stringify({ kty: 'oct', k: Buffer.from(secret, 'utf8').toString('base64url') }));
}

interface Constraints {
  keys?: VerificationKey[];
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  time: number;
}

function constraintsOf(o: ObjectValue, ctx: BuiltinContext): Constraints {
  const c: Constraints = { secret: '', alg: '', iss: '', aud: '', time: -1 };
  for (const [k, v] of objEntries(o)) {
    switch (k) {
      case 'cert':
        if (typeof v !== 'string') throw new JwtError('cert constraint: must be a string');
        c.keys = verificationKeys(v);
        break;
      case 'secret':
      case 'alg':
      case 'iss':
      case 'aud':
        if (typeof v !== 'string') throw new JwtError(`${k} constraint: must be a string`);
        c[k] = v;
        break;
      case 'time':
        if (typeof v !== 'number' && typeof v !== 'bigint') throw new JwtError('token time constraint: must be a number');
        if (Number(v) < 0) throw new JwtError('token time constraint: must not be negative');
        c.time = Number(v);
        break;
      default:
        throw new JwtError(`unknown token validation constraint: ${typeof k === 'string' ? k : JSON.stringify(k)}`);
    }
  }
  if (c.time === -1) c.time = Number(ctx.nowNs);
  const n = (c.keys ? 1 : 0) + (c.secret !== '' ? 1 : 0);
  if (n > 1) throw new JwtError('duplicate key constraints');
  if (n < 1) throw new JwtError('no key constraint');
  return c;
}

const UNVERIFIED: Value = [false, {}, {}];

function decodeVerify(jwt: string, o: ObjectValue, ctx: BuiltinContext): Value {
  const c = constraintsOf(o, ctx);
  let current = jwt;
  let t: Token;
  let payloadText: string;
  for (;;) {
    t = split(current);
    const header = parseHeader(decodeHeader(t));
    if (!header.valid) return UNVERIFIED;
    if (c.alg !== '' && c.alg !== header.alg) return UNVERIFIED;
    const sig = b64('', t.signature);
    const ok = JWS_ALGORITHMS.has(header.alg) && (c.keys ? verifyKeys(c.keys, header.kid, header.alg, header.alg, signedData(t), sig) : verifyJws(header.alg, secretKey(c.secret), signedData(t), sig));
    if (!ok) return UNVERIFIED;
    payloadText = b64('JWT payload had invalid encoding: ', t.payload).toString('utf8');
    if (header.cty.toUpperCase() === 'JWT') {
      current = payloadText;
      continue;
    }
    break;
  }
  const payload = jsonObject(payloadText);
  const header = decodeHeader(t);
  if (c.iss !== '' && objGet(payload, 'iss') !== c.iss) return UNVERIFIED;
  const aud = objGet(payload, 'aud');
  if (aud !== undefined) {
    const ok = typeof aud === 'string' ? aud === c.aud : isArray(aud) && aud.some((x) => x === c.aud);
    if (!ok) return UNVERIFIED;
  } else if (c.aud !== '') return UNVERIFIED;
  const now = c.time / 1e9;
  const exp = objGet(payload, 'exp');
  if (exp !== undefined) {
    if (typeof exp !== 'number' && typeof exp !== 'bigint') throw new JwtError('exp value must be a number');
    if (!(now < Number(exp))) return UNVERIFIED;
  }
  const nbf = objGet(payload, 'nbf');
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' && typeof nbf !== 'bigint') throw new JwtError('nbf value must be a number');
    if (now < Number(nbf)) return UNVERIFIED;
  }
  return [true, header, payload];
}

/** jwsbb-style header access: `cannot parse JSON`, `header "alg" not found`. */
function headerAlg(header: string): string {
  if (header === '') throw new JwtError("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
  let h: unknown;
  try {
    h = JSON.parse(header);
  } catch {
    // only text that starts like an object is reported as unparsable; anything else simply has no "alg"
    if (header.trimStart().startsWith('{')) throw new JwtError("missing or invalid 'alg' header: cannot parse JSON");
  }
  const alg = h !== null && typeof h === 'object' ? (h as Record<string, unknown>).alg : undefined;
  if (typeof alg !== 'string') throw new JwtError('missing or invalid \'alg\' header: jwsbb: header "alg" not found');
  return alg;
}

function isValidJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function encodeSign(header: string, payload: string, jwk: string): string {
  const key = signingKey(jwk);
  const alg = headerAlg(header);
  if (!JWS_ALGORITHMS.has(alg)) throw new JwtError(`unknown JWS algorithm: ${alg}`);
  const typ = (JSON.parse(header) as Record<string, unknown> | null)?.typ;
  if ((typeof typ !== 'string' || typ === 'JWT') && !isValidJson(payload)) throw new JwtError('type is JWT but payload is not JSON');
  const signing = `${Buffer.from(header, 'utf8').toString('base64url')}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
  return `${signing}.${signJws(alg, key, Buffer.from(signing, 'utf8')).toString('base64url')}`;
}

function guard<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && (e instanceof JwtError || e.name === 'JoseKeyError')) throw fail(name, e.message, e);
    throw fail(name, (e as Error).message, e);
  }
}

const verifier = (name: string, alg: string): BuiltinDecl => ({
  name,
  args: ['string', 'string'],
  impl: ([jwt, key]) => guard(name, () => (alg.startsWith('HS') ? verifyHs(alg, jwt as string, key as string) : verifyWith(alg, jwt as string, key as string))),
});

export const JWT_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'io.jwt.decode', args: ['string'], impl: ([jwt]) => guard('io.jwt.decode', () => decode(jwt as string)) },
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512'].map((alg) => verifier(`io.jwt.verify_${alg.toLowerCase()}`, alg)),
  verifier('io.jwt.verify_eddsa', 'EdDSA'),
  {
    name: 'io.jwt.decode_verify',
    args: ['string', 'object'],
    impl: ([jwt, c], ctx) => guard('io.jwt.decode_verify', () => decodeVerify(jwt as string, c as ObjectValue, ctx)),
  },
  {
    name: 'io.jwt.encode_sign',
    args: ['object', 'object', 'object'],
    nondeterministic: true,
    impl: ([h, p, k]) => guard('io.jwt.encode_sign', () => encodeSign(marshalJson(h as Value), marshalJson(p as Value), marshalJson(k as Value))),
  },
  {
    name: 'io.jwt.encode_sign_raw',
    args: ['string', 'string', 'string'],
    nondeterministic: true,
    impl: ([h, p, k]) => guard('io.jwt.encode_sign_raw', () => encodeSign(h as string, p as string, k as string)),
  },
];
