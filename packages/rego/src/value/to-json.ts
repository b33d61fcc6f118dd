import { sortedEntries, sortedValues } from './compare.js';
import { RegoObject, RegoSet } from './types.js';
import type { Value } from './types.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue } | bigint;

/** A JSON-shaped copy: sets become sorted arrays, objects get sorted keys (non-string keys as JSON text). */
export function toJson(v: Value): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly Value[]).map(toJson);
  if (v instanceof RegoSet) return sortedValues(v).map(toJson);
  const out: { [k: string]: JsonValue } = {};
  const entries = v instanceof RegoObject ? sortedEntries(v) : Object.keys(v).sort().map((k) => [k, (v as Record<string, Value>)[k] as Value] as const);
  for (const [k, val] of entries) {
    const key = typeof k === 'string' ? k : toJsonText(k);
    Object.defineProperty(out, key, { value: toJson(val), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** JSON text of a value (bigints exact), compact or indented. */
export function toJsonText(v: Value, indent = 0): string {
  return write(toJson(v), indent, 0);
}

function write(v: JsonValue, indent: number, level: number): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const nl = indent > 0 ? '\n' + ' '.repeat(indent * (level + 1)) : '';
  const end = indent > 0 ? '\n' + ' '.repeat(indent * level) : '';
  const sep = indent > 0 ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl + write(x, indent, level + 1)).join(',') + end + ']';
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{' + keys.map((k) => nl + JSON.stringify(k) + sep + write(v[k] as JsonValue, indent, level + 1)).join(',') + end + '}';
}
