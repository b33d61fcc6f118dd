/** rego.metadata.rule and rego.metadata.chain: the METADATA annotations in scope of the rule being evaluated. */
import { ObjectBuilder } from '../value/object.js';
import type { CompiledPolicy, CompiledRule, DocNode } from '../compile/compiler.js';
import type { Rule } from '../syntax/ast.js';
import type { Value } from '../value/types.js';

export function ruleAnnotations(r: Rule | undefined): Value {
  return r?.annotations ? annotationValue(r.annotations) : {};
}

/** The rule's own annotations, then document-scoped ones for its path, then its package's. */
export function annotationChain(policy: CompiledPolicy, r: Rule | undefined): Value {
  if (!r) return [];
  const all = [...allRules(policy.root)];
  const cr = all.find((c) => c.rule.loc === r.loc);
  if (!cr) return [];
  const out: Value[] = [];
  const path = [...cr.path];
  if (r.annotations) out.push({ path, annotations: annotationValue(r.annotations) });
  else out.push({ path });
  const pkg = cr.module.packagePath.join('.');
  const samePkg = policy.modules.filter((m) => m.packagePath.join('.') === pkg);
  for (const m of samePkg)
    for (const a of m.annotations) {
      if (a.scope !== 'document') continue;
      const target = all.find((c) => c.module === m && String(c.rule.loc.row) === a.target);
      if (target && target.path.join('.') === cr.path.join('.')) out.push({ path, annotations: annotationValue(a.data) });
    }
  const pkgAnn = samePkg.flatMap((m) => m.annotations.filter((a) => a.scope === 'package'));
  if (pkgAnn[0]) out.push({ path: [...cr.module.packagePath], annotations: annotationValue(pkgAnn[0].data) });
  return out;
}

function* allRules(root: DocNode): Generator<CompiledRule> {
  const stack: DocNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as DocNode;
    yield* n.rules;
    stack.push(...n.children.values());
  }
}

function annotationValue(a: Readonly<Record<string, Value>>): Value {
  const b = new ObjectBuilder();
  for (const [k, v] of Object.entries(a)) b.set(k, v);
  return b.build();
}
