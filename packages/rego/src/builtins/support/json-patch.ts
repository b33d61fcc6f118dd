/** RFC 6902 JSON Patch over Rego values (sets included); undefined when an operation fails. */
import { equal } from '../../value/compare.js';
import { isArray, isObject, isSet } from '../../value/kinds.js';
import { makeSet, objGet } from '../../value/object.js';
import { child, withChild, without } from './containers.js';
import { parsePointer, valueAt } from './json-paths.js';
import type { Path } from './json-paths.js';
import type { Value } from '../../value/types.js';

function pathOf(v: Value | undefined): Path | undefined {
  if (typeof v === 'string') return parsePointer(v);
  if (isArray(v as Value)) return v as readonly Value[];
  return undefined;
}

/** Applies `f` to the parent container of the path's last segment, rebuilding the spine. */
function update(doc: Value, path: Path, f: (parent: Value, last: Value) => Value | undefined): Value | undefined {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path as [Value, ...Value[]];
  if (rest.length === 0) return f(doc, head);
  const c = child(doc, head);
  if (c === undefined) return undefined;
  const updated = update(c, rest, f);
  return updated === undefined ? undefined : withChild(doc, head, updated);
}

function add(doc: Value, path: Path, value: Value): Value | undefined {
  if (path.length === 0) return value;
  return update(doc, path, (parent, last) => {
    if (isArray(parent)) {
      if (last === '-') return [...parent, value];
      const i = typeof last === 'string' && /^(0|[1-9]\d*)$/.test(last) ? Number(last) : typeof last === 'number' ? last : NaN;
      if (!Number.isInteger(i) || i < 0 || i > parent.length) return undefined;
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    if (isSet(parent)) return equal(last, value) ? makeSet([...parent.values(), value]) : undefined;
    if (isObject(parent)) return withChild(parent, last, value);
    return undefined;
  });
}

function remove(doc: Value, path: Path): Value | undefined {
  return update(doc, path, (parent, last) => (child(parent, last) === undefined ? undefined : without(parent, last)));
}

function applyOne(doc: Value, op: Value): Value | undefined {
  if (!isObject(op)) return undefined;
  const kind = objGet(op, 'op');
  const path = pathOf(objGet(op, 'path'));
  if (path === undefined) return undefined;
  const value = objGet(op, 'value');
  switch (kind) {
    case 'add':
      return value === undefined ? undefined : add(doc, path, value);
    case 'remove':
      return remove(doc, path);
    case 'replace': {
      if (value === undefined || valueAt(doc, path) === undefined) return undefined;
      if (path.length === 0) return value;
      const removed = remove(doc, path);
      return removed === undefined ? undefined : add(removed, path, value);
    }
    case 'move':
    case 'copy': {
      const from = pathOf(objGet(op, 'from'));
      if (from === undefined) return undefined;
      const v = valueAt(doc, from);
      if (v === undefined) return undefined;
      const base = kind === 'move' ? remove(doc, from) : doc;
      return base === undefined ? undefined : add(base, path, v);
    }
    case 'test': {
      const v = valueAt(doc, path);
      return v !== undefined && value !== undefined && equal(v, value) ? doc : undefined;
    }
    default:
      return undefined;
  }
}

export function jsonPatch(doc: Value, ops: readonly Value[]): Value | undefined {
  let cur: Value | undefined = doc;
  for (const op of ops) {
    cur = applyOne(cur, op);
    if (cur === undefined) return undefined;
  }
  return cur;
}
