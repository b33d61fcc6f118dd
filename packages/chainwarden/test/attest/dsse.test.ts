import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeBase64, dssePayloadBytes, parseDsseEnvelope, parseDsseEnvelopeText, preAuthEncoding } from '../../src/attest/dsse.js';
import { parseStatement } from '../../src/attest/statement.js';
import { InputError } from '../../src/core/errors.js';
import { shared } from '../helpers/shared.js';

interface Vector {
  id: string;
  envelope: { payload: string; payloadType: string; signatures: { sig: string; keyid?: string }[] };
  pae: string;
}

test('dsse: PAE matches every vector of the DSSE test suite (byte lengths, not characters; empty type and payload)', () => {
  const { vectors } = JSON.parse(readFileSync(shared('conformance/sigstore/dsse/dsse-testvectors.vectors.json'), 'utf8')) as { vectors: Vector[] };
  assert.equal(vectors.length, 9);
  let checked = 0;
  for (const v of vectors) {
    const envelope = parseDsseEnvelope(v.envelope, { file: 'vectors.json', path: `vectors.${v.id}.envelope` });
    // payload-type-swapped: the PAE recorded is over the *signed* type, not the envelope's claim.
    if (v.id === 'payload-type-swapped') {
      assert.notEqual(preAuthEncoding(envelope.payloadType, dssePayloadBytes(envelope)).toString('hex'), v.pae);
      continue;
    }
    assert.equal(preAuthEncoding(envelope.payloadType, dssePayloadBytes(envelope)).toString('hex'), v.pae, v.id);
    checked++;
  }
  assert.ok(checked >= 8);
  assert.deepEqual(decodeBase64('-_-_Pj8='), decodeBase64('+/+/Pj8='), 'both base64 alphabets');
});

test('dsse: a real envelope (SLSA VSA, JSON Lines) parses and its payload is an in-toto Statement v1', () => {
  const text = readFileSync(shared('conformance/sigstore/dsse/gke-gce-pre.bcid-vsa.jsonl'), 'utf8');
  const envelope = parseDsseEnvelopeText(text.trim(), 'gke-gce-pre.bcid-vsa.jsonl');
  assert.equal(envelope.payloadType, 'application/vnd.in-toto+json');
  assert.equal(envelope.signatures.length, 1);
  assert.equal(envelope.signatures[0]?.keyid, 'keystore://76574:prod:vsa_signing_public_key');
  const { statement, version } = parseStatement(JSON.parse(dssePayloadBytes(envelope).toString('utf8')), { file: 'x' });
  assert.equal(version.label, 'v1');
  assert.equal(statement.predicateType, 'https://slsa.dev/verification_summary/v1');
  assert.deepEqual(statement.subject[0]?.digest, { gce_image_id: '8970095005306000053' });
});

test('dsse: malformed envelopes are InputErrors naming the JSON path', () => {
  const cases: [unknown, RegExp][] = [
    [[], /x\.json \(at dsseEnvelope\): invalid DSSE envelope: expected a JSON object/],
    [{ payloadType: 'a', signatures: [] }, /at dsseEnvelope\.payload\): invalid DSSE envelope: expected a base64 string/],
    [{ payload: 'not base64!', payloadType: 'a', signatures: [] }, /at dsseEnvelope\.payload\): .*not valid base64/],
    [{ payload: '', payloadType: 1, signatures: [] }, /at dsseEnvelope\.payloadType\)/],
    [{ payload: '', payloadType: 'a', signatures: {} }, /at dsseEnvelope\.signatures\): .*expected an array/],
    [{ payload: '', payloadType: 'a', signatures: [{ sig: 'AA==' }, { sig: 5 }] }, /at dsseEnvelope\.signatures\[1\]\.sig\)/],
    [{ payload: '', payloadType: 'a', signatures: [{ sig: 'AA==', keyid: 3 }] }, /at dsseEnvelope\.signatures\[0\]\.keyid\)/],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => parseDsseEnvelope(value, { file: 'x.json', path: 'dsseEnvelope' }), (e: unknown) => e instanceof InputError && message.test(e.message));
  }
  assert.throws(() => parseDsseEnvelopeText('{"payload": ', 'env.json'), (e: unknown) => e instanceof InputError && /^env\.json:1:\d+: invalid JSON/.test(e.message));
});
