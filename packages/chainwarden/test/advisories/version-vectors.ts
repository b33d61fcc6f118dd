import { readFileSync } from 'node:fs';
import type { VersionScheme } from '../../src/advisories/versions/index.js';
import { shared } from '../helpers/shared.js';

export interface Vector {
  readonly file: string;
  readonly line: number;
  readonly a: string;
  readonly op: '<' | '=' | '>';
  readonly b: string;
}

/** Reads `a < b` / `a = b` / `a > b` lines from the shared version-ordering vectors (comments: `#`, `//`). */
export function readVectors(file: string): Vector[] {
  const text = readFileSync(shared('conformance', 'version-ordering', 'semantic', 'testdata', file), 'utf8');
  const out: Vector[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('//')) return;
    const m = /^(\S+) ([<=>]) (\S+)$/.exec(line);
    if (m === null) throw new Error(`${file}:${i + 1}: unreadable vector "${line}"`);
    out.push({ file, line: i + 1, a: m[1] ?? '', op: m[2] as Vector['op'], b: m[3] ?? '' });
  });
  return out;
}

export function holds(scheme: VersionScheme, v: Vector): boolean {
  const c = scheme.compare(v.a, v.b);
  const r = scheme.compare(v.b, v.a);
  const want = v.op === '<' ? -1 : v.op === '>' ? 1 : 0;
  return Math.sign(c) === want && Math.sign(r) === -want;
}
