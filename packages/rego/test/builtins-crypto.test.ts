import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED_OPA } from './conformance/cases.js';
import { defaultBuiltins } from '../src/index.js';
import type { BuiltinContext, Value } from '../src/index.js';

const registry = defaultBuiltins();
const ctx: BuiltinContext = { nowNs: 1_700_000_000_000_000_000n, print: () => undefined, cache: new Map(), strictBuiltinErrors: true };
function call(name: string, ...args: Value[]): Value | undefined {
  const decl = registry.get(name);
  assert.ok(decl, `builtin ${name} is registered`);
  return decl.impl(args, ctx);
}

test('digests and HMACs are hex encoded', () => {
  assert.equal(call('crypto.sha256', 'abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(call('crypto.hmac.sha256', 'msg', 'key'), '2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628');
  assert.equal(call('crypto.hmac.equal', 'a', 'a'), true);
  assert.equal(call('crypto.hmac.equal', 'a', 'ab'), false);
});

test('io.jwt: sign with a JWK, verify with PEM and JWK, decode_verify checks claims and time', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, Value>;
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const token = call('io.jwt.encode_sign', { alg: 'ES256' }, { iss: 'me', exp: 1_800_000_000 }, jwk) as string;
  assert.equal(call('io.jwt.verify_es256', token, pem), true);
  assert.equal(call('io.jwt.verify_es256', token, JSON.stringify({ keys: [{ ...jwk, d: undefined }] })), true);
  assert.equal(call('io.jwt.verify_rs256', token, pem), false);
  const [valid, header, payload] = call('io.jwt.decode_verify', token, { cert: pem, iss: 'me' }) as Value[];
  assert.equal(valid, true);
  assert.deepEqual(header, { alg: 'ES256' });
  assert.deepEqual(payload, { iss: 'me', exp: 1_800_000_000 });
  assert.deepEqual(call('io.jwt.decode_verify', token, { cert: pem, time: 1_900_000_000_000_000_000 }), [false, {}, {}]);
  assert.throws(() => call('io.jwt.decode', 'a.b'), /encoded JWT must have 3 sections, found 2/);
  const hs = call('io.jwt.encode_sign_raw', '{"alg":"HS256"}', '{"a":1}', '{"kty":"oct","k":"c2VjcmV0"}') as string;
  assert.equal(call('io.jwt.verify_hs256', hs, 'secret'), true);
  assert.equal(call('io.jwt.verify_hs256', hs, 'other'), false);
});

test('providers.aws.sign_req adds SigV4 headers and validates its operands', () => {
  const out = call('providers.aws.sign_req', { method: 'GET', url: 'https://s3.amazonaws.com/b/k' }, { aws_access_key: 'AK', aws_secret_access_key: 'SK', aws_service: 's3', aws_region: 'us-east-1' }, 1_700_000_000_000_000_000n) as Record<string, Record<string, string>>;
  const headers = out.headers as Record<string, string>;
  assert.equal(headers.host, 's3.amazonaws.com');
  assert.equal(headers['x-amz-date'], '20231114T221320Z');
  assert.match(headers.Authorization as string, /^AWS4-HMAC-SHA256 Credential=AK\/20231114\/us-east-1\/s3\/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
  assert.throws(() => call('providers.aws.sign_req', {}, { aws_access_key: 'AK', aws_secret_access_key: 'SK', aws_service: 's3', aws_region: 'r' }, 0), /missing required request parameters\(s\): \{"method", "url"\}/);
});

test('crypto.parse_private_keys returns JWKs; x509 input errors use Go wording', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const keys = call('crypto.parse_private_keys', pem) as Record<string, Value>[];
  assert.equal(keys.length, 1);
  assert.equal(keys[0]?.kty, 'RSA');
  assert.throws(() => call('crypto.x509.parse_certificates', 'not base64!'), /illegal base64 data at input byte 3/);
  assert.throws(() => call('crypto.x509.parse_certificates', 'AAAA'), /x509: malformed certificate/);
});

test('x509 chain verification (root first, leaf last) honours CurrentTime and DNSName options', () => {
  const yaml = readFileSync(join(SHARED_OPA, 'v1/cryptox509parseandverifycertificates/test-cryptox509parseandverifycertificates.yaml'), 'utf8');
  const blocks = (yaml.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).slice(0, 3).map((b) => b.replace(/^\s+/gm, ''));
  assert.equal(blocks.length, 3);
  const chain = blocks.join('\n');
  const at = (year: number): bigint => BigInt(Date.UTC(year, 0, 1)) * 1_000_000n;
  const verify = (opts: Record<string, Value>): Value => (call('crypto.x509.parse_and_verify_certificates_with_options', chain, opts) as Value[])[0] as Value;
  assert.equal(verify({ CurrentTime: at(2030), DNSName: 'notarealsite.opa.localhost' }), true);
  assert.equal(verify({ CurrentTime: at(2040) }), false);
  assert.equal(verify({ CurrentTime: at(2030), DNSName: 'example.com' }), false);
  const [leaf] = call('crypto.x509.parse_certificates', chain) as Record<string, Record<string, Value>>[];
  assert.equal(leaf?.Subject?.CommonName, 'OPA Test Root CA');
  assert.throws(() => call('crypto.x509.parse_and_verify_certificates_with_options', chain, { Bogus: 1 }), /invalid key "Bogus" in options/);
});
