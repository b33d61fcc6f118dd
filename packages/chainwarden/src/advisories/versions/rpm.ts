import type { VersionScheme } from './scheme.js';

/**
 * RPM (Red Hat, AlmaLinux, Rocky Linux, SUSE, openSUSE, Mageia, openEuler): `[epoch:]version[-release]`, each part
 * compared with rpmvercmp. Runs of ASCII letters or digits are compared (digits numerically, leading zeros ignored; a
 * digit run beats a letter run); every other character only separates runs; `~` sorts before anything (even the end),
 * `^` after the end but before anything else. A missing epoch is 0; a missing release sorts before any release.
 */
export class RpmVersionScheme implements VersionScheme {
  readonly name = 'rpm';

  valid(version: string): boolean {
    return version.trim() !== '';
  }

  compare(a: string, b: string): number {
    const pa = split(a.trim());
    const pb = split(b.trim());
    const c = rpmvercmp(pa.epoch, pb.epoch) || rpmvercmp(pa.version, pb.version);
    if (c !== 0) return c;
    if (pa.release === undefined || pb.release === undefined) return pa.release === pb.release ? 0 : pa.release === undefined ? -1 : 1;
    return rpmvercmp(pa.release, pb.release);
  }
}

function split(evr: string): { epoch: string; version: string; release?: string } {
  const colon = evr.indexOf(':');
  const epoch = colon < 0 ? '0' : evr.slice(0, colon);
  const rest = colon < 0 ? evr : evr.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  return dash < 0 ? { epoch, version: rest } : { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAlnum = (c: string): boolean => isDigit(c) || isAlpha(c);

/** rpm's rpmvercmp: -1, 0 or 1. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a.charAt(i)) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b.charAt(j)) && b[j] !== '~' && b[j] !== '^') j++;
    const x = a.charAt(i);
    const y = b.charAt(j);
    if (x === '~' || y === '~') {
      if (x !== '~') return 1;
      if (y !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (x === '^' || y === '^') {
      if (x === '') return -1;
      if (y === '') return 1;
      if (x !== '^') return 1;
      if (y !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (x === '' || y === '') break;
    const numeric = isDigit(x);
    const same = numeric ? isDigit : isAlpha;
    const si = i;
    const sj = j;
    while (i < a.length && same(a.charAt(i))) i++;
    while (j < b.length && same(b.charAt(j))) j++;
    // A digit run against a letter run: the digits win.
    if (j === sj) return numeric ? 1 : -1;
    let s = a.slice(si, i);
    let t = b.slice(sj, j);
    if (numeric) {
      s = s.replace(/^0+/, '');
      t = t.replace(/^0+/, '');
      if (s.length !== t.length) return s.length > t.length ? 1 : -1;
    }
    if (s !== t) return s > t ? 1 : -1;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}
