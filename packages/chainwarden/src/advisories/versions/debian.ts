import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * Debian: dpkg's algorithm (deb-version(7)). `[epoch:]upstream[-revision]`; each part alternates non-digit
 * runs (compared character by character: `~` first, then end of string, then letters, then the rest by code)
 * and digit runs (compared numerically). A missing revision equals `0`.
 */
export class DebianVersionScheme implements VersionScheme {
  readonly name = 'debian';

  valid(version: string): boolean {
    return /^(\d+:)?[0-9][A-Za-z0-9.+~:-]*$/.test(version.trim());
  }

  compare(a: string, b: string): number {
    const pa = split(a);
    const pb = split(b);
    return sign(pa.epoch, pb.epoch) || compareFragment(pa.upstream, pb.upstream) || compareFragment(pa.revision, pb.revision);
  }
}

function split(version: string): { epoch: bigint; upstream: string; revision: string } {
  let rest = version.trim();
  let epoch = 0n;
  const colon = rest.indexOf(':');
  if (colon >= 0 && /^\d+$/.test(rest.slice(0, colon))) {
    epoch = BigInt(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash < 0) return { epoch, upstream: rest, revision: '0' };
  return { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

/** The weight of one character in a non-digit run (0 stands for "end of string"). */
function order(code: number | undefined): number {
  if (code === undefined) return 0;
  if (code === 0x7e) return -1; // '~'
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return code;
  return code + 256;
}

const isDigit = (code: number | undefined): boolean => code !== undefined && code >= 0x30 && code <= 0x39;

function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ca = i < a.length && !isDigit(a.charCodeAt(i)) ? a.charCodeAt(i) : undefined;
      const cb = j < b.length && !isDigit(b.charCodeAt(j)) ? b.charCodeAt(j) : undefined;
      const c = sign(order(ca), order(cb));
      if (c !== 0) return c;
      if (ca !== undefined) i++;
      if (cb !== undefined) j++;
    }
    let na = '';
    let nb = '';
    while (isDigit(a.charCodeAt(i))) na += a[i++];
    while (isDigit(b.charCodeAt(j))) nb += b[j++];
    const c = sign(BigInt(na === '' ? '0' : na), BigInt(nb === '' ? '0' : nb));
    if (c !== 0) return c;
  }
  return 0;
}
