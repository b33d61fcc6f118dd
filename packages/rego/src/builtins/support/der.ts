/** A minimal DER reader: enough to walk X.509 names and PKCS #10 requests. */
export class DerError extends Error {
  constructor(message = 'asn1: structure error') {
    super(message);
    this.name = 'DerError';
  }
}

export interface Tlv {
  readonly tag: number;
  /** start of the contents */
  readonly start: number;
  /** end of the contents (exclusive) */
  readonly end: number;
}

export function readTlv(b: Buffer, off: number, limit = b.length): Tlv {
  if (off + 2 > limit) throw new DerError('asn1: structure error: truncated tag or length');
  const tag = b[off] as number;
  let len = b[off + 1] as number;
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) throw new DerError('asn1: structure error: length too large');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[start + i] as number);
    start += n;
  }
  if (start + len > limit) throw new DerError('asn1: structure error: data truncated');
  return { tag, start, end: start + len };
}

/** The children of a constructed value. */
export function children(b: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = t.start; off < t.end; ) {
    const c = readTlv(b, off, t.end);
    out.push(c);
    off = c.end;
  }
  return out;
}

/** Splits concatenated DER values (a certificate chain) into their encodings. */
export function splitDer(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let off = 0; off < b.length; ) {
    const t = readTlv(b, off);
    if (t.tag !== 0x30) throw new DerError('x509: malformed certificate');
    out.push(b.subarray(off, t.end));
    off = t.end;
  }
  return out;
}

export function oidText(b: Buffer, t: Tlv): string {
  const bytes = b.subarray(t.start, t.end);
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    const x = bytes[i] as number;
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}
