/** OPA's base64url decoding: padding optional (RFC 7515 appendix C), Go's error wording. */
export class Base64Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base64Error';
  }
}

const ALPHABET = /[A-Za-z0-9\-_]/;

export function decodeBase64Url(input: string): Buffer {
  let s = input;
  if (!s.endsWith('=')) {
    if (s.length % 4 === 2) s += '==';
    else if (s.length % 4 === 3) s += '=';
    else if (s.length % 4 === 1) throw new Base64Error(`illegal base64 data at input byte ${s.length - 1}`);
  }
  const body = s.replace(/={1,2}$/, '');
  for (let i = 0; i < body.length; i++) if (!ALPHABET.test(body[i] as string)) throw new Base64Error(`illegal base64 data at input byte ${i}`);
  if (s.length % 4 !== 0) throw new Base64Error(`illegal base64 data at input byte ${s.length}`);
  return Buffer.from(body, 'base64url');
}
