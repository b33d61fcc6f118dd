/**
 * Signing keys: ECDSA P-256 key pairs as PEM (the private key PKCS#8, encrypted with a password unless the caller
 * explicitly asks otherwise; the public key SPKI), loading them from untrusted files, and the key hint cosign uses
 * (base64 of the SHA-256 of the SPKI DER). Private key material never appears in an error message.
 */
import type { KeyObject } from 'node:crypto';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { InputError, KeyPasswordError, UsageError } from '../core/errors.js';

/** The environment variable that holds the private key's password (as cosign's COSIGN_PASSWORD). */
export const KEY_PASSWORD_ENV = 'CHAINWARDEN_KEY_PASSWORD';

export interface KeyPairPem {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  /** base64(sha256(SPKI DER)): the `publicKey.hint` of bundles signed with this key. */
  readonly hint: string;
}

/**
 * A new ECDSA P-256 key pair. With a password the private key is PKCS#8 encrypted with AES-256-CBC (PBKDF2);
 * `password: undefined` is refused unless `unencrypted` is set.
 */
export function generateSigningKeyPair(options: { password?: string; unencrypted?: boolean }): KeyPairPem {
  if (options.password === undefined || options.password === '') {
    if (options.unencrypted !== true) {
      throw new UsageError(`no password for the private key: set ${KEY_PASSWORD_ENV} (or pass --unencrypted to write it in the clear)`);
    }
  }
  const encrypt = options.unencrypted !== true && options.password !== undefined && options.password !== '';
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: encrypt
      ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: options.password ?? '' }
      : { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, hint: keyHint(createPublicKey(publicKey)) };
}

/** cosign's key hint: base64(sha256(DER-encoded SubjectPublicKeyInfo)). */
export function keyHint(publicKey: KeyObject): string {
  const pub = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('base64');
}

const SUPPORTED_CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function describeKey(key: KeyObject): string {
  if (key.asymmetricKeyType === 'ec') return `ECDSA ${SUPPORTED_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? key.asymmetricKeyDetails?.namedCurve ?? '?'}`;
  if (key.asymmetricKeyType === 'rsa') return `RSA ${key.asymmetricKeyDetails?.modulusLength ?? '?'}`;
  return key.asymmetricKeyType ?? 'unknown';
}

function assertSupported(key: KeyObject, file: string): void {
  const type = key.asymmetricKeyType;
  const ok = (type === 'ec' && SUPPORTED_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] !== undefined) || type === 'rsa' || type === 'ed25519';
  if (!ok) throw new InputError(`unsupported key type ${describeKey(key)} (supported: ECDSA P-256/P-384/P-521, RSA, Ed25519)`, { file }, { code: 'KEY_INVALID' });
}

/** Reads an untrusted PEM public key (SPKI, or the public half of a certificate). */
export function parsePublicKey(pem: string, file: string): KeyObject {
  if (!/-----BEGIN [A-Z ]*(PUBLIC KEY|CERTIFICATE)-----/.test(pem)) {
    throw new InputError('not a PEM public key (expected "-----BEGIN PUBLIC KEY-----")', { file }, { code: 'KEY_INVALID' });
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new InputError('corrupt public key: the PEM does not decode to a public key', { file }, { code: 'KEY_INVALID', cause: error });
  }
  assertSupported(key, file);
  return key;
}

/**
 * Reads an untrusted PEM private key. An encrypted key needs `password`; a missing or wrong password is a
 * KeyPasswordError, anything else unreadable an InputError (KEY_INVALID). The key's bytes never reach a message.
 */
export function parsePrivateKey(pem: string, file: string, password: string | undefined): KeyObject {
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError('not a PEM private key (expected "-----BEGIN ENCRYPTED PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----")', { file }, { code: 'KEY_INVALID' });
  }
  if (encrypted && (password === undefined || password === '')) {
    throw new KeyPasswordError(`${file}: the private key is encrypted: set ${KEY_PASSWORD_ENV} to its password`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase: password } : { key: pem, format: 'pem' });
  } catch (error) {
    // Drop the library message: it is about the bytes, and the user only needs to know which case this is.
    if (encrypted) throw new KeyPasswordError(`${file}: cannot decrypt the private key: wrong password (from ${KEY_PASSWORD_ENV}) or a corrupt key`);
    void error;
    throw new InputError('corrupt private key: the PEM does not decode to a private key', { file }, { code: 'KEY_INVALID' });
  }
  assertSupported(key, file);
  return key;
}

/** The public half of a private key, as SPKI PEM. */
export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}
