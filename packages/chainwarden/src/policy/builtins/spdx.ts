/**
 * SPDX licence expression builtins: `spdx.valid(expr)`, `spdx.ids(expr)` (the licence ids it names) and
 * `spdx.satisfies(expr, allowed)` — true when the expression can be honoured using only allowed licences
 * (`MIT OR GPL-3.0-only` satisfies `["MIT"]`; `MIT AND GPL-3.0-only` does not).
 */
import { createRequire } from 'node:module';
import { fail } from '@chainwarden/rego';
import type { BuiltinDecl, Value } from '@chainwarden/rego';
import { isSpdxExpression, spdxLicenseId } from '../../core/spdx-license.js';

type Node = { license: string; plus?: boolean; exception?: string } | { conjunction: 'and' | 'or'; left: Node; right: Node };

const require = createRequire(import.meta.url);
let parser: ((s: string) => Node) | undefined;

function parse(name: string, expr: string): Node {
  parser ??= require('spdx-expression-parse') as (s: string) => Node;
  try {
    return parser(expr.trim());
  } catch (e) {
    throw fail(name, `not a valid SPDX expression: ${JSON.stringify(expr)} (${(e as Error).message})`);
  }
}

const canonical = (id: string): string => (spdxLicenseId(id) ?? id).toLowerCase();

function ids(node: Node, out: Set<string>): Set<string> {
  if ('license' in node) out.add(node.license + (node.plus === true ? '+' : '') + (node.exception !== undefined ? ` WITH ${node.exception}` : ''));
  else {
    ids(node.left, out);
    ids(node.right, out);
  }
  return out;
}

function satisfied(node: Node, allowed: ReadonlySet<string>): boolean {
  if ('license' in node) {
    const id = canonical(node.license);
    if (node.exception !== undefined) return allowed.has(`${id} with ${node.exception.toLowerCase()}`) || allowed.has(id);
    return allowed.has(id) || (node.plus === true && allowed.has(`${id}+`));
  }
  return node.conjunction === 'or' ? satisfied(node.left, allowed) || satisfied(node.right, allowed) : satisfied(node.left, allowed) && satisfied(node.right, allowed);
}

function allowList(name: string, v: Value): Set<string> {
  if (typeof v === 'string') return new Set([...ids(parse(name, v), new Set())].map((s) => s.toLowerCase()));
  const items = Array.isArray(v) ? v : v instanceof Set || (typeof v === 'object' && v !== null && 'values' in v) ? [...(v as { values(): Iterable<Value> }).values()] : [];
  return new Set(items.filter((x): x is string => typeof x === 'string').map((s) => canonical(s)));
}

export const SPDX_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'spdx.valid', args: ['string'], impl: ([s]) => isSpdxExpression(s as string) },
  { name: 'spdx.ids', args: ['string'], impl: ([s]) => [...ids(parse('spdx.ids', s as string), new Set())].sort() },
  { name: 'spdx.satisfies', args: ['string', ['array', 'set', 'string']], impl: ([s, allowed]) => satisfied(parse('spdx.satisfies', s as string), allowList('spdx.satisfies', allowed as Value)) },
];
