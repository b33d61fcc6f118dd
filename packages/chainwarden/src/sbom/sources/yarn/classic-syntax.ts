/**
 * The yarn classic (v1) lockfile syntax: an indentation-based format of its own, not YAML.
 *
 *     # yarn lockfile v1
 *     "@scope/a@^1.0.0", a-alias@npm:a@1:      <- one or more keys (quoted or bare), comma-separated, then `:`
 *       version "1.2.3"                         <- `key value`, two spaces per level
 *       integrity sha512-...
 *       dependencies:                           <- `key:` opens a nested map
 *         b "^2.0.0"
 *
 * Parsed line by line so every error names its line and column. Syntax only: what the fields mean is
 * classic-lock.ts's business.
 */
import { LockfileError } from '../../../core/errors.js';

export interface ClassicScalar {
  readonly kind: 'scalar';
  readonly value: string;
  readonly line: number;
}

export interface ClassicMap {
  readonly kind: 'map';
  readonly line: number;
  readonly entries: Map<string, ClassicNode>;
}

export type ClassicNode = ClassicScalar | ClassicMap;

/** One top-level entry: the keys (descriptors) it was written for and its fields. */
export interface ClassicBlock {
  readonly keys: readonly string[];
  readonly line: number;
  readonly body: ClassicMap;
}

export interface ClassicDocument {
  /** The `N` of a `# yarn lockfile vN` header comment, when there is one. */
  readonly headerVersion: number | undefined;
  readonly headerLine: number | undefined;
  readonly blocks: ClassicBlock[];
}

type Token = { readonly t: 'word'; readonly v: string; readonly col: number } | { readonly t: ':' | ','; readonly col: number };

const MERGE_MARKER = /^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)( |$)/;

export function parseClassicLockfile(text: string, file: string): ClassicDocument {
  const fail = (message: string, line: number, column?: number): never => {
    throw new LockfileError(message, column === undefined ? { file, line } : { file, line, column });
  };
  const blocks: ClassicBlock[] = [];
  let headerVersion: number | undefined;
  let headerLine: number | undefined;
  /** stack[d] is the map that lines indented by 2*d spaces write into; stack[0] is the top level (blocks). */
  const stack: (ClassicMap | undefined)[] = [undefined];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i] as string;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (i === 0 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const rest = raw.slice(indent);
    if (rest.trim() === '') continue;
    if (rest.startsWith('\t')) fail('tab in indentation (yarn.lock indents with two spaces)', lineNo, indent + 1);
    if (rest.startsWith('#')) {
      const header = /^# yarn lockfile v(\d+)\s*$/.exec(rest);
      if (header !== null && indent === 0 && headerVersion === undefined) {
        headerVersion = Number(header[1]);
        headerLine = lineNo;
      }
      continue;
    }
    if (indent === 0 && MERGE_MARKER.test(rest)) fail('unresolved merge conflict marker', lineNo, 1);
    if (indent % 2 !== 0) fail(`indentation of ${indent} spaces is not a multiple of two`, lineNo, indent + 1);
    const depth = indent / 2;
    const deepest = stack.length - 1;
    if (depth > deepest) {
      fail(`unexpected indentation: ${indent} spaces where at most ${deepest * 2} are allowed here`, lineNo, indent + 1);
    }
    while (stack.length > depth + 1) stack.pop();

    const tokens = tokenize(rest, lineNo, indent, fail);
    const { keys, value, opens } = lineShape(tokens, lineNo, fail);
    if (depth === 0) {
      if (!opens) fail('expected a package entry ("name@range":) at the top level', lineNo, 1);
      const body: ClassicMap = { kind: 'map', line: lineNo, entries: new Map() };
      blocks.push({ keys, line: lineNo, body });
      stack.push(body);
      continue;
    }
    const target = stack[depth] as ClassicMap;
    const node: ClassicNode = opens ? { kind: 'map', line: lineNo, entries: new Map() } : { kind: 'scalar', value: value as string, line: lineNo };
    for (const key of keys) {
      const previous = target.entries.get(key);
      if (previous !== undefined) {
        throw new LockfileError(`duplicate key "${key}" (first at line ${previous.line})`, { file, line: lineNo }, { code: 'LOCKFILE_DUPLICATE' });
      }
      target.entries.set(key, node);
    }
    if (node.kind === 'map') stack.push(node);
  }
  return { headerVersion, headerLine, blocks };
}

/** `k1, k2:` (opens a map), or `key value`. */
function lineShape(
  tokens: readonly Token[],
  line: number,
  fail: (message: string, line: number, column?: number) => never,
): { keys: string[]; value: string | undefined; opens: boolean } {
  const keys: string[] = [];
  let i = 0;
  for (;;) {
    const token = tokens[i];
    if (token?.t !== 'word') fail('expected a key', line, token?.col);
    keys.push((token as { v: string }).v);
    i++;
    if (tokens[i]?.t !== ',') break;
    i++;
  }
  const next = tokens[i];
  if (next === undefined) fail(`expected ":" or a value after "${keys[keys.length - 1] ?? ''}"`, line);
  if (next?.t === ':') {
    const extra = tokens[i + 1];
    if (extra !== undefined) fail('unexpected text after ":" (a value goes after a space, a nested map on the next lines)', line, extra.col);
    return { keys, value: undefined, opens: true };
  }
  if (next?.t !== 'word') fail(`unexpected "${next?.t ?? ''}"`, line, next?.col);
  if (keys.length > 1) fail('a list of keys must end with ":"', line, next?.col);
  const extra = tokens[i + 1];
  if (extra !== undefined) fail('unexpected text after the value', line, extra.col);
  return { keys, value: (next as { v: string }).v, opens: false };
}

/** Splits one line (after its indentation) into words (bare or JSON-quoted), `:` and `,`. */
function tokenize(text: string, line: number, indent: number, fail: (message: string, line: number, column?: number) => never): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    const col = indent + pos + 1;
    if (ch === ' ' || ch === '\t') {
      pos++;
    } else if (ch === '#') {
      break; // comment to the end of the line
    } else if (ch === ':' || ch === ',') {
      tokens.push({ t: ch, col });
      pos++;
    } else if (ch === '"') {
      let end = pos + 1;
      let escaped = false;
      while (end < text.length && text[end] !== '"') {
        if (text[end] === '\\') escaped = true;
        end += text[end] === '\\' ? 2 : 1;
      }
      if (end >= text.length) fail('unterminated string', line, col);
      tokens.push({ t: 'word', v: escaped ? unescape(text.slice(pos, end + 1), line, col, fail) : text.slice(pos + 1, end), col });
      pos = end + 1;
    } else {
      let end = pos;
      while (end < text.length && !' \t:,'.includes(text[end] as string)) end++;
      tokens.push({ t: 'word', v: text.slice(pos, end), col });
      pos = end;
    }
  }
  return tokens;
}

/** A quoted string with backslash escapes, read as JSON (yarn writes its strings with JSON.stringify). */
function unescape(literal: string, line: number, col: number, fail: (message: string, line: number, column?: number) => never): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return fail(`invalid escape in string ${literal}`, line, col);
  }
}
