import { formatLocation, InputError } from '../../core/errors.js';
import { parseJsonText } from '../../core/parse.js';
import type { ConfigFinding } from './update-tool.js';

export type StructuredKind = 'json' | 'json5' | 'yaml';

/** A parsed config file that can say on which line a key path sits. */
export interface StructuredFile {
  readonly value: unknown;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses JSON, JSON5 or YAML; a syntax error becomes a finding naming file:line:column. Line lookups use the YAML
 * parser's node ranges (JSON is YAML), none for JSON5 (its parser keeps no positions).
 */
export async function parseStructured(text: string, file: string, kind: StructuredKind, tool: string): Promise<StructuredFile | ConfigFinding> {
  const { parseDocument, LineCounter } = await import('yaml');
  let value: unknown;
  if (kind === 'json') {
    try {
      value = parseJsonText(text.replace(/^\uFEFF/, ''), file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
    } catch (error) {
      const loc = error instanceof InputError ? error.location : { file };
      const message = (error as Error).message.slice(formatLocation(loc).length + 2).replace(/; the file may be truncated or corrupted$/, '');
      // V8 does not always say where; JSON5's parser does (JSON is JSON5).
      const where = loc.line !== undefined ? { line: loc.line, ...(loc.column !== undefined ? { column: loc.column } : {}) } : await json5Position(text);
      return { tool, file, ...where, message };
    }
  } else if (kind === 'json5') {
    const JSON5 = (await import('json5')).default;
    try {
      value = JSON5.parse(text);
    } catch (error) {
      const e = error as { lineNumber?: number; columnNumber?: number; message?: string };
      return { tool, file, ...(e.lineNumber !== undefined ? { line: e.lineNumber } : {}), ...(e.columnNumber !== undefined ? { column: e.columnNumber } : {}), message: `invalid JSON5 (${(e.message ?? String(error)).replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '')})` };
    }
    return { value, lineOf: () => undefined };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: kind === 'yaml', merge: false });
  if (kind === 'yaml') {
    const first = doc.errors[0];
    if (first !== undefined) {
      const pos = first.linePos?.[0];
      const message = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
      return { tool, file, ...(pos !== undefined ? { line: pos.line, column: pos.col } : {}), message: `invalid YAML (${message})` };
    }
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  }
  return {
    value,
    lineOf(path) {
      if (doc.errors.length > 0) return undefined;
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range !== undefined ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}

export function isFinding(x: StructuredFile | ConfigFinding): x is ConfigFinding {
  return 'message' in x && !('lineOf' in x);
}

async function json5Position(text: string): Promise<{ line?: number; column?: number }> {
  const JSON5 = (await import('json5')).default;
  try {
    JSON5.parse(text);
    return {};
  } catch (error) {
    const e = error as { lineNumber?: number; columnNumber?: number };
    return { ...(e.lineNumber !== undefined ? { line: e.lineNumber } : {}), ...(e.columnNumber !== undefined ? { column: e.columnNumber } : {}) };
  }
}
