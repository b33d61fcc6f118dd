import type { InputError} from './errors.js';
import { LockfileError } from './errors.js';

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

type ErrorFactory = (message: string, loc: { line?: number; column?: number }, cause: unknown) => InputError;

const lockfileFactory =
  (file: string): ErrorFactory =>
  (message, loc, cause) =>
    new LockfileError(message, { file, ...loc }, { cause });

/** JSON.parse with an error that names the file, line and column. */
export function parseJsonText(text: string, file: string, factory: ErrorFactory = lockfileFactory(file)): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8: "... in JSON at position 123 (line 4 column 5)" or "Unexpected end of JSON input".
    const pos = /position (\d+)/.exec(message);
    let loc: { line?: number; column?: number } = {};
    if (pos?.[1] !== undefined) loc = lineColumnAt(text, Number(pos[1]));
    else if (/end of JSON input|Unterminated/i.test(message)) loc = lineColumnAt(text, text.length);
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw factory(`invalid JSON (${detail}); the file may be truncated or corrupted`, loc, error);
  }
}

/** TOML parse (smol-toml) with an error that names the file, line and column. */
export async function parseTomlText(text: string, file: string, factory: ErrorFactory = lockfileFactory(file)): Promise<Record<string, unknown>> {
  const { parse, TomlError } = await import('smol-toml');
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const first = error.message.split('\n')[0] ?? error.message;
      throw factory(`invalid TOML (${first.replace(/^Invalid TOML document: /, '')})`, { line: error.line, column: error.column }, error);
    }
    throw factory(`invalid TOML (${String(error)})`, {}, error);
  }
}

/** YAML parse (yaml) with an error that names the file, line and column. Duplicate keys are errors. */
export async function parseYamlText(text: string, file: string, factory: ErrorFactory = lockfileFactory(file)): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { uniqueKeys: true, merge: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    const msg = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    throw factory(`invalid YAML (${msg})`, pos !== undefined ? { line: pos.line, column: pos.col } : {}, first);
  }
  return doc.toJS({ maxAliasCount: 1000 }) as unknown;
}

/** Renders a key path like `packages["node_modules/a"].version`. */
export function keyPath(...segments: (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finds the 1-based line of the first occurrence of `needle` in `text` (for messages about structured documents). */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, from);
  return at < 0 ? undefined : lineColumnAt(text, at).line;
}
