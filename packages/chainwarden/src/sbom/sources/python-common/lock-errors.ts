import { LockfileError } from '../../../core/errors.js';
import { keyPath } from '../../../core/parse.js';

/** Builds LockfileErrors for `package[i]...` paths of a TOML lockfile, with the line of the entry's header. */
export class PackageLocator {
  constructor(
    private readonly file: string,
    private readonly headerLines: readonly number[],
    private readonly table = 'package',
  ) {}

  line(index: number): number | undefined {
    return this.headerLines[index];
  }

  error(index: number, path: (string | number)[], message: string, code?: 'LOCKFILE_INVALID' | 'LOCKFILE_DUPLICATE'): LockfileError {
    const line = this.headerLines[index];
    return new LockfileError(message, { file: this.file, ...(line !== undefined ? { line } : {}), path: keyPath(this.table, index, ...path) }, code !== undefined ? { code } : undefined);
  }

  /** A field that must be a string (or absent when optional). */
  string(index: number, entry: Record<string, unknown>, field: string, required: true): string;
  string(index: number, entry: Record<string, unknown>, field: string, required?: false): string | undefined;
  string(index: number, entry: Record<string, unknown>, field: string, required = false): string | undefined {
    const value = entry[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || (required && value.trim() === '')) {
      throw this.error(index, [field], value === undefined ? `missing \`${field}\`` : `\`${field}\` must be a non-empty string, got ${describe(value)}`);
    }
    return value;
  }

  /** A field that must be an array of strings (or absent). */
  strings(index: number, entry: Record<string, unknown>, field: string): string[] | undefined {
    const value = entry[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
      throw this.error(index, [field], `\`${field}\` must be an array of strings, got ${describe(value)}`);
    }
    return value;
  }

  boolean(index: number, entry: Record<string, unknown>, field: string): boolean | undefined {
    const value = entry[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.error(index, [field], `\`${field}\` must be true or false, got ${describe(value)}`);
    return value;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'a table';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value;
}
