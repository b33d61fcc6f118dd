import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath, lineColumnAt } from '../../../core/parse.js';

type Code = 'LOCKFILE_INVALID' | 'LOCKFILE_UNSUPPORTED' | 'LOCKFILE_DUPLICATE';

/**
 * Type checks for one YAML document of a pnpm lockfile. Every failure is a LockfileError naming the file,
 * the key path and (found by scanning the text for the path's keys) the line.
 */
export class Shape {
  constructor(
    private readonly text: string,
    readonly file: string,
    /** Character offset where this document starts (multi-document lockfiles). */
    private readonly from = 0,
  ) {}

  fail(message: string, path: readonly string[], code: Code = 'LOCKFILE_INVALID'): never {
    const line = this.lineOf(path);
    throw new LockfileError(message, { file: this.file, ...(line !== undefined ? { line } : {}), path: keyPath(...path) }, { code });
  }

  /** A mapping, or undefined when absent or null. */
  optionalMap(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) this.fail(`expected a mapping, found ${describe(value)}`, path);
    return value;
  }

  /** A mapping of names to strings (`dependencies:` under a package or snapshot). */
  stringMap(value: unknown, path: readonly string[]): [string, string][] {
    const map = this.optionalMap(value, path);
    if (map === undefined) return [];
    return Object.entries(map).map(([name, ref]) => [name, this.requiredString(ref, [...path, name])]);
  }

  requiredString(value: unknown, path: readonly string[]): string {
    if (typeof value !== 'string') this.fail(`expected a string, found ${describe(value)}`, path);
    return value;
  }

  optionalString(value: unknown, path: readonly string[]): string | undefined {
    return value === undefined || value === null ? undefined : this.requiredString(value, path);
  }

  optionalBoolean(value: unknown, path: readonly string[]): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(`expected true or false, found ${describe(value)}`, path);
    return value;
  }

  /** The line of the deepest key of `path` found in the text, searching each key after the previous one. */
  lineOf(path: readonly string[]): number | undefined {
    let at = -1;
    let pos = this.from;
    for (const segment of path) {
      const found = findKey(this.text, segment, pos);
      if (found < 0) break;
      at = found;
      pos = found + 1;
    }
    return at < 0 ? undefined : lineColumnAt(this.text, at).line;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Offset of `key:` written plain, single- or double-quoted, as a key (preceded by whitespace, `{` or `,`). */
function findKey(text: string, key: string, from: number): number {
  const spellings = [`'${key.replace(/'/g, "''")}':`, `${JSON.stringify(key)}:`, `${key}:`];
  let best = -1;
  for (const spelling of spellings) {
    let at = text.indexOf(spelling, from);
    while (at > 0 && !/[\s{,]/.test(text[at - 1] ?? '')) at = text.indexOf(spelling, at + 1);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}
