/** JSON text as Go's encoding/json writes it for OPA: sorted keys, HTML-safe escapes, optional prefix and indent. */
import { toJson } from '../../value/to-json.js';
import type { JsonValue } from '../../value/to-json.js';
import type { Value } from '../../value/types.js';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function str(s: string): string {
  return JSON.stringify(s).replace(HTML_UNSAFE, (c) => '\\u' + (c.codePointAt(0) as number).toString(16).padStart(4, '0'));
}

function num(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return JSON.stringify(n).replace(/e([+-])0*(\d)/, 'e$1$2');
}

function write(v: JsonValue, prefix: string, indent: string | undefined, level: number): string {
  if (typeof v === 'number' || typeof v === 'bigint') return num(v);
  if (typeof v === 'string') return str(v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const pretty = indent !== undefined;
  const nl = (l: number): string => (pretty ? '\n' + prefix + indent.repeat(l) : '');
  const sep = pretty ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl(level + 1) + write(x, prefix, indent, level + 1)).join(',') + nl(level) + ']';
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{' + keys.map((k) => nl(level + 1) + str(k) + sep + write(v[k] as JsonValue, prefix, indent, level + 1)).join(',') + nl(level) + '}';
}

/** Compact JSON (json.marshal). */
export function marshalJson(v: Value): string {
  return write(toJson(v), '', undefined, 0);
}

/** Indented JSON with a prefix on every line (json.marshal_with_options). */
export function marshalJsonIndent(v: Value, prefix: string, indent: string): string {
  return prefix + write(toJson(v), prefix, indent, 0);
}
