import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath, lineColumnAt } from '../../../core/parse.js';

/**
 * The lockfile text and its name, for errors that point at a key path and (best effort) its line.
 * Typed field readers live here so that every wrong type becomes a LockfileError, never a TypeError.
 */
export class LockDocument {
  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  /** The line of a key path, found by searching each key in turn (`"key":`), or undefined. */
  lineOf(segments: readonly string[]): number | undefined {
    let from = 0;
    for (const segment of segments) {
      const pattern = new RegExp(`${escapeRegExp(JSON.stringify(segment))}\\s*:`, 'g');
      pattern.lastIndex = from;
      const match = pattern.exec(this.text);
      if (match === null) return segments.length > 0 && from > 0 ? lineColumnAt(this.text, from).line : undefined;
      from = match.index;
    }
    return segments.length > 0 ? lineColumnAt(this.text, from).line : undefined;
  }

  error(message: string, segments: readonly string[], code: 'LOCKFILE_INVALID' | 'LOCKFILE_UNSUPPORTED' = 'LOCKFILE_INVALID'): LockfileError {
    const line = this.lineOf(segments);
    return new LockfileError(message, { file: this.file, ...(line !== undefined ? { line } : {}), path: keyPath(...segments) }, { code });
  }

  /** A string field, or undefined when absent; any other type is an error. */
  optionalString(obj: Record<string, unknown>, field: string, at: readonly string[]): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.error(`"${field}" must be a string, got ${typeName(value)}`, [...at, field]);
    return value;
  }

  /** The names of a dependency map (`{ name: spec }`) in file order; absent → []; wrong types are errors. */
  depNames(obj: Record<string, unknown>, field: string, at: readonly string[]): string[] {
    const value = obj[field];
    if (value === undefined || value === null) return [];
    if (!isRecord(value)) throw this.error(`"${field}" must be an object of name → version spec, got ${typeName(value)}`, [...at, field]);
    const names = Object.keys(value);
    for (const name of names) {
      const spec = value[name];
      if (typeof spec !== 'string') throw this.error(`the spec of "${name}" must be a string, got ${typeName(spec)}`, [...at, field, name]);
    }
    return names;
  }

  /** The object at `at`, or an error naming it. */
  record(value: unknown, at: readonly string[], what: string): Record<string, unknown> {
    if (!isRecord(value)) throw this.error(`${what} must be an object, got ${typeName(value)}`, at);
    return value;
  }
}

/** Locale-independent string order, for deterministic output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
