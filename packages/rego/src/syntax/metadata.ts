/** METADATA comment blocks: YAML in comments that start with `# METADATA`, attached to the next rule or package. */
import { parse as parseYaml } from 'yaml';
import { RegoError } from '../errors.js';
import type { Location } from '../errors.js';
import type { Annotations, Rule } from './ast.js';
import type { Comment, Token } from './lexer.js';
import type { Value } from '../value/types.js';

export interface ParsedAnnotations {
  readonly byRow: Map<number, Annotations>;
  readonly list: { scope: string; target: string; data: Annotations; loc: Location }[];
}

/** OPA's canonical shapes: authors and organizations as objects, related_resources as {ref}. */
function normalise(a: Record<string, Value>): Annotations {
  const out: Record<string, Value> = { ...a };
  const authors = a['authors'];
  if (Array.isArray(authors))
    out['authors'] = authors.map((x: Value) => {
      if (typeof x !== 'string') return x;
      const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(x);
      if (m) return m[1] ? { name: m[1], email: m[2] as string } : { email: m[2] as string };
      return x.includes('@') && !x.includes(' ') ? { email: x } : { name: x };
    });
  const related = a['related_resources'];
  if (Array.isArray(related)) out['related_resources'] = related.map((x: Value) => (typeof x === 'string' ? { ref: x } : x));
  return out;
}

export function parseAnnotations(comments: readonly Comment[], file: string, _src: string, rules: readonly Rule[], packageTok: Token): ParsedAnnotations {
  const byRow = new Map<number, Annotations>();
  const list: ParsedAnnotations['list'] = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i] as Comment;
    if (c.text.trim() !== 'METADATA') continue;
    const lines: string[] = [];
    let row = c.row;
    let j = i + 1;
    while (j < comments.length && (comments[j] as Comment).row === row + 1) {
      const t = (comments[j] as Comment).text;
      lines.push(t.startsWith(' ') ? t.slice(1) : t);
      row++;
      j++;
    }
    i = j - 1;
    const loc = { file, row: c.row, col: c.col };
    let data: unknown;
    try {
      data = parseYaml(lines.join('\n')) ?? {};
    } catch (e) {
      throw new RegoError('rego_parse_error', `yaml: ${(e as Error).message}`, loc, { cause: e });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RegoError('rego_parse_error', 'invalid metadata block', loc);
    const target = rules.find((r) => r.loc.row > row);
    const isPackage = packageTok.row > row;
    const ann = data as Record<string, Value>;
    const scope = typeof ann['scope'] === 'string' ? ann['scope'] : isPackage ? 'package' : 'rule';
    const entry = normalise({ ...ann, scope });
    if (!isPackage && target && scope === 'rule') byRow.set(target.loc.row, entry);
    list.push({ scope, target: isPackage ? 'package' : String(target?.loc.row ?? ''), data: entry, loc });
  }
  return { byRow, list };
}
