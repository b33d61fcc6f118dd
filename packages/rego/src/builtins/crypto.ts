/** The crypto builtin family: digests and HMACs (hex output), constant-time MAC comparison. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AWS_BUILTINS } from './aws.js';
import { JWT_BUILTINS } from './jwt.js';
import { X509_BUILTINS } from './x509.js';
import type { BuiltinDecl } from './registry.js';

const digest = (name: string, alg: string): BuiltinDecl => ({
  name,
  args: ['string'],
  impl: ([s]) => createHash(alg).update(s as string, 'utf8').digest('hex'),
});

const hmac = (name: string, alg: string): BuiltinDecl => ({
  name,
  args: ['string', 'string'],
  impl: ([msg, key]) => createHmac(alg, Buffer.from(key as string, 'utf8')).update(msg as string, 'utf8').digest('hex'),
});

export const CRYPTO_BUILTINS: readonly BuiltinDecl[] = [
  ...JWT_BUILTINS,
  ...AWS_BUILTINS,
  ...X509_BUILTINS,
  digest('crypto.md5', 'md5'),
  digest('crypto.sha1', 'sha1'),
  digest('crypto.sha256', 'sha256'),
  hmac('crypto.hmac.md5', 'md5'),
  hmac('crypto.hmac.sha1', 'sha1'),
  hmac('crypto.hmac.sha256', 'sha256'),
  hmac('crypto.hmac.sha512', 'sha512'),
  {
    name: 'crypto.hmac.equal',
    args: ['string', 'string'],
    impl: ([a, b]) => {
      const x = Buffer.from(a as string, 'utf8');
      const y = Buffer.from(b as string, 'utf8');
      return x.length === y.length && timingSafeEqual(x, y);
    },
  },
];
