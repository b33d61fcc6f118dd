/** Paths for json.filter / json.remove / json.patch: `a/b/0` strings (JSON pointer escapes) or segment arrays. */
import { isArray, isObject, isSet } from '../../value/kinds.js';
import { makeObject, makeSet, objEntries } from '../../value/object.js';
import { equal } from '../../value/compare.js';
import { child, indexOf, sameKey } from './containers.js';
import type { Value } from '../../value/types.js';

export type Path = readonly Value[];

/** Segments of a path string: leading `/` optional, `~1` is `/`, `~0` is `~`. */
export function parsePathString(p: string): Value[] {
  const trimmed = p.replace(/^\/+/, '');
  if (trimmed === '') return [];
  return trimmed.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A trie of paths; a node marked `end` keeps (or removes) the whole subtree. */
interface Trie {
  end: boolean;
  readonly kids: { seg: Value; node: Trie }[];
}

function buildTrie(paths: readonly Path[]): Trie {
  const root: Trie = { end: false, kids: [] };
  for (const p of paths) {
    let node = root;
    for (const seg of p) {
      let next = node.kids.find((k) => equal(k.seg, seg))?.node;
      if (!next) {
        next = { end: false, kids: [] };
        node.kids.push({ seg, node: next });
      }
      node = next;
    }
    node.end = true;
  }
  return root;
}

function filterNode(v: Value, t: Trie): Value | undefined {
  if (t.end) return v;
  if (isObject(v)) {
    const out: [Value, Value][] = [];
    for (const [k, x] of objEntries(v)) {
      const kid = t.kids.find((c) => sameKey(k, c.seg));
      if (!kid) continue;
      const f = filterNode(x, kid.node);
      if (f !== undefined) out.push([k, f]);
    }
    return makeObject(out);
  }
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const kid = t.kids.find((c) => indexOf(c.seg, v.length) === i);
      if (!kid) return;
      const f = filterNode(x, kid.node);
      if (f !== undefined) out.push(f);
    });
    return out;
  }
  if (isSet(v)) {
    const out: Value[] = [];
    for (const x of v.values()) {
      const kid = t.kids.find((c) => equal(c.seg, x));
      if (kid) out.push(x);
    }
    return makeSet(out);
  }
  return undefined;
}

/** Keeps only the given paths. */
export function filterPaths(v: Value, paths: readonly Path[]): Value {
  return filterNode(v, buildTrie(paths)) ?? {};
}

function removeNode(v: Value, t: Trie): Value | undefined {
  if (t.end) return undefined;
  if (t.kids.length === 0) return v;
  if (isObject(v)) {
    const out: [Value, Value][] = [];
    for (const [k, x] of objEntries(v)) {
      const kid = t.kids.find((c) => sameKey(k, c.seg));
      if (!kid) out.push([k, x]);
      else {
        const r = removeNode(x, kid.node);
        if (r !== undefined) out.push([k, r]);
      }
    }
    return makeObject(out);
  }
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const kid = t.kids.find((c) => indexOf(c.seg, v.length) === i);
      if (!kid) out.push(x);
      else {
        const r = removeNode(x, kid.node);
        if (r !== undefined) out.push(r);
      }
    });
    return out;
  }
  if (isSet(v)) return makeSet([...v.values()].filter((x) => !t.kids.some((c) => c.node.end && equal(c.seg, x))));
  return v;
}

/** Removes the given paths. */
export function removePaths(v: Value, paths: readonly Path[]): Value {
  return removeNode(v, buildTrie(paths)) ?? {};
}

/** A JSON pointer for json.patch: `` is the document, `/` the key "", a leading `/` optional. */
export function parsePointer(p: string): Value[] {
  if (p === '') return [];
  const body = p.startsWith('/') ? p.slice(1) : p;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a path, or undefined. */
export function valueAt(v: Value, path: Path): Value | undefined {
  let cur: Value | undefined = v;
  for (const seg of path) {
    if (cur === undefined) return undefined;
    cur = child(cur, seg);
  }
  return cur;
}
