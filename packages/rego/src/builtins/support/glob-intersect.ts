/**
 * regex.globs_match: do two simple regexes (literals, `.`, `[...]` classes, `\` escapes, with `*`, `+`, `?`)
 * match a common string? Decided on the product of their token automata.
 */
type Ranges = readonly (readonly [number, number])[];
interface Token {
  readonly set: Ranges;
  readonly kind: 'one' | 'star' | 'opt';
}

const MAX_CP = 0x10ffff;

function complement(r: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of [...r].sort((x, y) => x[0] - y[0])) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function overlaps(a: Ranges, b: Ranges): boolean {
  return a.some(([x1, y1]) => b.some(([x2, y2]) => x1 <= y2 && x2 <= y1));
}

function invalid(input: string, pos: number, what: string): Error {
  return new Error(`input:${input}, pos:${pos}, ${what}: the input provided is invalid`);
}

function parse(input: string): Token[] {
  const cps = Array.from(input);
  const tokens: Token[] = [];
  let i = 0;
  const cp = (c: string): number => c.codePointAt(0) as number;
  while (i < cps.length) {
    const c = cps[i++] as string;
    let set: Ranges;
    if (c === '.') set = [[0, MAX_CP]];
    else if (c === '\\') {
      const n = cps[i++];
      if (n === undefined) throw invalid(input, i, 'escape at end of input');
      set = [[cp(n), cp(n)]];
    } else if (c === '[') {
      const neg = cps[i] === '^';
      if (neg) i++;
      const ranges: [number, number][] = [];
      for (;;) {
        let x = cps[i++];
        if (x === undefined) throw invalid(input, i, "set-open '[' with no closing ']'");
        if (x === ']') break;
        if (x === '\\') x = cps[i++] ?? '\\';
        if (cps[i] === '-' && cps[i + 1] !== undefined && cps[i + 1] !== ']') {
          let y = cps[i + 1] as string;
          i += 2;
          if (y === '\\') y = cps[i++] ?? '\\';
          ranges.push([cp(x), cp(y)]);
        } else ranges.push([cp(x), cp(x)]);
      }
      set = neg ? complement(ranges) : ranges;
    } else if (c === ']') throw invalid(input, i, "set-close ']' with no preceding '['");
    else if (c === '*' || c === '+' || c === '?') throw invalid(input, i, `quantifier '${c}' with nothing to repeat`);
    else set = [[cp(c), cp(c)]];
    const q = cps[i];
    if (q === '*' || q === '?') {
      i++;
      tokens.push({ set, kind: q === '*' ? 'star' : 'opt' });
    } else if (q === '+') {
      i++;
      tokens.push({ set, kind: 'one' }, { set, kind: 'star' });
    } else tokens.push({ set, kind: 'one' });
  }
  return tokens;
}

function closure(tokens: readonly Token[], i: number): number[] {
  const out = [i];
  while (i < tokens.length && (tokens[i] as Token).kind !== 'one') out.push(++i);
  return out;
}

/** True when some string matches both patterns. */
export function globsIntersect(a: string, b: string): boolean {
  const ta = parse(a);
  const tb = parse(b);
  const seen = new Set<string>();
  const todo: [number, number][] = [[0, 0]];
  while (todo.length > 0) {
    const [i0, j0] = todo.pop() as [number, number];
    for (const i of closure(ta, i0))
      for (const j of closure(tb, j0)) {
        if (i === ta.length && j === tb.length) return true;
        const x = ta[i];
        const y = tb[j];
        if (!x || !y || !overlaps(x.set, y.set)) continue;
        const next: [number, number] = [x.kind === 'star' ? i : i + 1, y.kind === 'star' ? j : j + 1];
        const key = `${next[0]},${next[1]}`;
        if (!seen.has(key)) {
          seen.add(key);
          todo.push(next);
        }
      }
  }
  return false;
}
