import type { VersionScheme } from '../advisories/versions/index.js';

/**
 * A `vers:` range (https://github.com/package-url/purl-spec, VERS) evaluated with a version scheme:
 * `vers:<scheme>/<constraint>|<constraint>…`, each constraint `[<|<=|>|>=|=|!=]version` or `*`. Constraints
 * are sorted by version; the version is in the range when it satisfies an equality, or lies within a
 * lower/upper pair. Returns undefined when the range cannot be read.
 */
export function inVersRange(version: string, range: string, scheme: VersionScheme): boolean | undefined {
  const m = /^vers:[a-z0-9.+-]+\/(.+)$/i.exec(range.trim());
  if (m === null) return undefined;
  const body = m[1] ?? '';
  if (body.trim() === '*') return true;
  const constraints = body.split('|').map((c) => {
    const p = /^\s*(<=|>=|!=|<|>|=)?\s*(.+?)\s*$/.exec(c);
    return { op: p?.[1] ?? '=', v: decodeURIComponent(p?.[2] ?? '') };
  });
  if (constraints.some((c) => c.op === '!=' && scheme.compare(version, c.v) === 0)) return false;
  if (constraints.some((c) => c.op === '=' && scheme.compare(version, c.v) === 0)) return true;
  const bounds = constraints.filter((c) => c.op !== '=' && c.op !== '!=').sort((a, b) => scheme.compare(a.v, b.v));
  const satisfies = (c: { op: string; v: string }): boolean => {
    const cmp = scheme.compare(version, c.v);
    return c.op === '<' ? cmp < 0 : c.op === '<=' ? cmp <= 0 : c.op === '>' ? cmp > 0 : cmp >= 0;
  };
  for (let i = 0; i < bounds.length; i++) {
    const c = bounds[i];
    if (c === undefined) continue;
    if (c.op === '>' || c.op === '>=') {
      const next = bounds[i + 1];
      if (next !== undefined && (next.op === '<' || next.op === '<=')) {
        if (satisfies(c) && satisfies(next)) return true;
        i++;
      } else if (satisfies(c)) return true;
    } else if (satisfies(c)) return true;
  }
  return false;
}
