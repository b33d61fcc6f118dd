/**
 * One pass over a JSON text (already known to be valid) for what JSON.parse cannot tell: duplicate object keys
 * (JSON.parse silently keeps the last one) and the line of every key down to `maxDepth`.
 */
export interface JsonKeyScan {
  /** Line of each key path (segments joined with U+0000), for paths up to `maxDepth` keys deep. */
  readonly lines: Map<string, number>;
  /** The first duplicate key found, with its path and line. */
  readonly duplicate?: { readonly path: string[]; readonly line: number };
}

interface Frame {
  readonly object: boolean;
  readonly keys: Set<string>;
  /** Keys leading to this container (array elements share their array's path). */
  readonly path: readonly string[];
  expectKey: boolean;
  key: string;
}

export function scanJsonKeys(text: string, maxDepth: number): JsonKeyScan {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
    } else if (ch === 123 || ch === 91) {
      // `{` or `[`
      const parent = stack[stack.length - 1];
      const path = parent === undefined ? [] : parent.object ? [...parent.path, parent.key] : parent.path;
      stack.push({ object: ch === 123, keys: new Set(), path, expectKey: ch === 123, key: '' });
    } else if (ch === 125 || ch === 93) {
      stack.pop();
    } else if (ch === 44) {
      const top = stack[stack.length - 1];
      if (top?.object === true) top.expectKey = true;
    } else if (ch === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.object === true && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const path = [...top.path, key];
        if (top.keys.has(key)) return { lines, duplicate: { path, line } };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
        if (path.length <= maxDepth) lines.set(path.join('\u0000'), line);
      }
      i = j;
    }
  }
  return { lines };
}
