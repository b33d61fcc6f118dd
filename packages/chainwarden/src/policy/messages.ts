/** Turns a rule's value (a set of strings or `{msg, …}` objects, a string, or true) into messages. */
import { isObject, isSet, objEntries, toJson } from '@chainwarden/rego';
import type { Value } from '@chainwarden/rego';

export interface RuleMessage {
  readonly msg: string;
  readonly target: string | null;
  readonly severity: string | null;
  readonly title: string | null;
  readonly remediation: string | null;
  readonly details: Record<string, unknown>;
}

const KNOWN = new Set(['msg', 'target', 'severity', 'title', 'remediation']);

function one(v: Value, rule: string): RuleMessage | undefined {
  if (v === false || v === null) return undefined;
  if (typeof v === 'string') return { msg: v, target: null, severity: null, title: null, remediation: null, details: {} };
  if (isObject(v)) {
    const obj = toJson(v) as Record<string, unknown>;
    const s = (k: string): string | null => (typeof obj[k] === 'string' ? obj[k] : null);
    const details: Record<string, unknown> = {};
    for (const [k] of objEntries(v)) if (typeof k === 'string' && !KNOWN.has(k)) details[k] = obj[k];
    return { msg: s('msg') ?? JSON.stringify(obj), target: s('target'), severity: s('severity')?.toLowerCase() ?? null, title: s('title'), remediation: s('remediation'), details };
  }
  return { msg: v === true ? `${rule} is true` : JSON.stringify(toJson(v)), target: null, severity: null, title: null, remediation: null, details: {} };
}

export function ruleMessages(value: Value | undefined, rule: string): RuleMessage[] {
  if (value === undefined) return [];
  const items = isSet(value) ? [...value.values()] : Array.isArray(value) ? (value as readonly Value[]) : [value];
  const out: RuleMessage[] = [];
  for (const item of items) {
    const m = one(item, rule);
    if (m !== undefined) out.push(m);
  }
  return out.sort((a, b) => (a.msg < b.msg ? -1 : a.msg > b.msg ? 1 : (a.target ?? '') < (b.target ?? '') ? -1 : 1));
}

/** A Rego `exception` rule's value: rule ids (strings, or arrays of them as in conftest) to skip. */
export function exceptionIds(value: Value | undefined): Set<string> {
  const out = new Set<string>();
  const add = (v: Value): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) (v as readonly Value[]).forEach(add);
    else if (isSet(v)) [...v.values()].forEach(add);
  };
  if (value !== undefined) add(value);
  return out;
}
