/**
 * `policy/exceptions.yaml`: time-boxed waivers owned by a person. Validated strictly (unknown keys, missing fields
 * and bad dates are errors naming the file and line). An exception applies to the violations of one rule on one
 * target; once expired it no longer waives anything and the report says so.
 *
 *   exceptions:
 *     - rule: vulnerability_open          # the rule id (`deny_` / `violation_` prefix optional)
 *       target: pkg:pypi/jinja2@3.1.2      # the violation's target; `*` wildcards allowed
 *       reason: not reachable, see SEC-123
 *       owner: security@example.com
 *       expires: 2026-03-31               # the last day it applies (UTC)
 */
import { InputError } from '../core/errors.js';

export interface PolicyException {
  readonly rule: string;
  readonly target: string;
  readonly reason: string;
  readonly owner: string;
  /** YYYY-MM-DD, inclusive. */
  readonly expires: string;
  readonly line: number;
}

export const EXCEPTIONS_FILE = 'exceptions.yaml';
const FIELDS = ['rule', 'target', 'reason', 'owner', 'expires'] as const;

export async function parseExceptions(text: string, file: string): Promise<PolicyException[]> {
  const { parseDocument, LineCounter, isMap, isSeq, isScalar } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const err = doc.errors[0];
  if (err !== undefined) throw new InputError(`invalid YAML (${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')})`, { file, ...(err.linePos?.[0] !== undefined ? { line: err.linePos[0].line, column: err.linePos[0].col } : {}) });
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range !== undefined ? lc.linePos(range[0]).line : 1;
  };
  const root = doc.contents;
  if (root === null) return [];
  if (!isMap(root)) throw new InputError('expected a mapping with an "exceptions" list', { file, line: lineOf(root) });
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'exceptions') throw new InputError(`unknown key "${key}" (only "exceptions" is allowed)`, { file, line: lineOf(pair.key) });
  }
  const list = root.get('exceptions', true);
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) throw new InputError('"exceptions" must be a list', { file, line: lineOf(list), path: 'exceptions' });
  return list.items.map((item, i) => {
    const path = `exceptions[${i}]`;
    if (!isMap(item)) throw new InputError('an exception must be a mapping with rule, target, reason, owner, expires', { file, line: lineOf(item), path });
    const out: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(FIELDS as readonly string[]).includes(key)) throw new InputError(`unknown key "${key}" (allowed: ${FIELDS.join(', ')})`, { file, line: lineOf(pair.key), path });
      const v = isScalar(pair.value) ? pair.value.value : undefined;
      const value = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;
      if (value === undefined || value === '') throw new InputError(`"${key}" must be a non-empty string`, { file, line: lineOf(pair.value ?? pair.key), path: `${path}.${key}` });
      out[key as (typeof FIELDS)[number]] = value;
    }
    for (const f of FIELDS) if (out[f] === undefined) throw new InputError(`missing "${f}" (every exception needs ${FIELDS.join(', ')})`, { file, line: lineOf(item), path });
    const expires = out.expires as string;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) || new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires)
      throw new InputError(`"expires" must be a date YYYY-MM-DD, got ${JSON.stringify(expires)}`, { file, line: lineOf(item.get('expires', true)), path: `${path}.expires` });
    return { rule: out.rule as string, target: out.target as string, reason: out.reason as string, owner: out.owner as string, expires, line: lineOf(item) };
  });
}

/** True once the last day of the exception (UTC) has passed. */
export function isExpired(e: PolicyException, now: Date): boolean {
  return now.getTime() >= Date.parse(`${e.expires}T00:00:00Z`) + 86_400_000;
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** The exceptions that name this rule and target (expired ones included: the caller reports them). */
export function exceptionsFor(list: readonly PolicyException[], ruleId: string, target: string | null): PolicyException[] {
  return list.filter((e) => e.rule.replace(/^(deny|violation|warn)_/, '') === ruleId && target !== null && globMatch(e.target, target));
}
