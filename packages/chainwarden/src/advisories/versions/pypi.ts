import { compare as pep440Compare, parse as pep440Parse, valid as pep440Valid } from '@renovatebot/pep440';
import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * PyPI: PEP 440 (via @renovatebot/pep440). Versions PEP 440 rejects are "legacy" versions, ordered as
 * setuptools/packaging's LegacyVersion did: before every valid version, and among themselves by a key of
 * zero-padded numbers and `*`-prefixed words. Exported standalone so other PyPI code can reuse it.
 */
export class Pep440VersionScheme implements VersionScheme {
  readonly name = 'pep440';
  private readonly validity = new Map<string, boolean>();
  private readonly keys = new Map<string, string>();

  valid(version: string): boolean {
    let ok = this.validity.get(version);
    if (ok === undefined) {
      ok = pep440Valid(version) !== null;
      if (this.validity.size < 200_000) this.validity.set(version, ok);
    }
    return ok;
  }

  /** Epoch, release without trailing zeros, pre/post/dev and local: equal exactly when PEP 440 says equal. */
  equalityKey(version: string): string {
    let key = this.keys.get(version);
    if (key === undefined) {
      const v = pep440Parse(version);
      if (v === null) key = `legacy:${legacyKey(version).join('/')}`;
      else {
        const release = [...v.release];
        while (release.length > 1 && release.at(-1) === 0) release.pop();
        key = JSON.stringify([v.epoch, release, v.pre, v.post, v.dev, v.local]);
      }
      if (this.keys.size < 200_000) this.keys.set(version, key);
    }
    return key;
  }

  compare(a: string, b: string): number {
    const va = this.valid(a);
    const vb = this.valid(b);
    if (va && vb) return sign(pep440Compare(a, b), 0);
    if (va !== vb) return va ? 1 : -1;
    return compareLegacy(a, b);
  }
}

/** True when `text` is a PEP 440 version (public part with an optional local label; no surrounding spaces). */
export function isPep440Version(text: string): boolean {
  return pep440Valid(text) !== null;
}

/** `1.2.*`: a public version followed by `.*` (allowed after `==` and `!=` only). */
export function isPep440Prefix(text: string): boolean {
  return text.endsWith('.*') && !text.includes('+') && isPep440Version(text.slice(0, -2));
}

/** A PEP 440 version's parts, normalised (`alpha` → `a`, `c`/`pre`/`preview` → `rc`, `1.0-3` → post 3, `dev` → 0). */
export interface Pep440Parts {
  readonly epoch: number;
  readonly release: readonly number[];
  readonly pre?: readonly ['a' | 'b' | 'rc', number];
  readonly post?: number;
  readonly dev?: number;
  readonly local?: readonly (string | number)[];
}

/** The parts of a PEP 440 version, or undefined when `text` is not one (the grammar of `isPep440Version`). */
export function parsePep440(text: string): Pep440Parts | undefined {
  // The library's typings promise arrays; it gives null for an absent part.
  const v = pep440Parse(text) as {
    epoch: number;
    release: number[];
    pre: ['a' | 'b' | 'rc', number] | null;
    post: [string, number] | null;
    dev: [string, number] | null;
    local: (string | number)[] | null;
  } | null;
  if (v === null) return undefined;
  return {
    epoch: v.epoch,
    release: v.release,
    ...(v.pre !== null ? { pre: v.pre } : {}),
    ...(v.post !== null ? { post: v.post[1] } : {}),
    ...(v.dev !== null ? { dev: v.dev[1] } : {}),
    ...(v.local !== null ? { local: v.local } : {}),
  };
}

const REPLACEMENTS: Readonly<Record<string, string>> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** The LegacyVersion sort key: numbers padded to 8 digits, words prefixed with `*`, trailing `*final`. */
export function legacyKey(version: string): string[] {
  const parts: string[] = [];
  for (const raw of version.toLowerCase().split(/(\d+|[a-z]+|\.|-)/)) {
    const part = REPLACEMENTS[raw] ?? raw;
    if (part === '' || part === '.') continue;
    const item = /^\d/.test(part) ? part.padStart(8, '0') : `*${part}`;
    if (item.startsWith('*')) {
      if (item < '*final') while (parts.at(-1) === '*final-') parts.pop();
      while (parts.at(-1) === '00000000') parts.pop();
    }
    parts.push(item);
  }
  parts.push('*final');
  return parts;
}

function compareLegacy(a: string, b: string): number {
  const ka = legacyKey(a);
  const kb = legacyKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const c = sign(ka[i] ?? '', kb[i] ?? '');
    if (c !== 0) return c;
  }
  return sign(ka.length, kb.length);
}
