/** The data document: base data merged with virtual documents (rules), per-query caching, conflicts. */
import { RegoError } from '../errors.js';
import { isObject } from '../value/kinds.js';
import { ObjectBuilder, objEntries } from '../value/object.js';
import { iterate, lookup } from './collections.js';
import { isPlainObject } from '../value/kinds.js';
import { EvalCore } from './core.js';
import { Env } from './env.js';
import { EMPTY_NODE, IN_PROGRESS } from './state.js';
import { DocBuilder } from './tree.js';
import type { CompiledRule, DocNode } from '../compile/compiler.js';
import type { Rule, Term, TermOf } from '../syntax/ast.js';
import type { Value } from '../value/types.js';
import type { KV } from './state.js';

export abstract class DocumentEval extends EvalCore {
  protected ref(t: TermOf<'ref'>, env: Env, k: KV): boolean {
    const h = t.head;
    if (h.type === 'var' && !env.vars.has(h.name)) {
      if (h.name === 'data') return this.data(t.path, 0, this.policy.root, this.opts.data, [], env, k);
      if (h.name === 'input') {
        const input = this.state.input;
        return input === undefined ? false : this.walk(input, t.path, 0, env, k);
      }
    }
    return this.term(h, env, (v) => this.walk(v, t.path, 0, env, k));
  }

  /** Walks a value along ref keys; in base data (`data`), integer keys also read string keys (data[2] is data["2"]). */
  protected walk(v: Value, path: readonly Term[], i: number, env: Env, k: KV, inData = false): boolean {
    const lookup = inData ? dataLookup : valueLookup;
    if (i === path.length) return k(v);
    const p = path[i] as Term;
    if (p.type === 'scalar') {
      const c = lookup(v, p.value);
      return c === undefined ? false : this.walk(c, path, i + 1, env, k, inData);
    }
    if (p.type === 'var') {
      const b = env.vars.get(p.name);
      if (b !== undefined) {
        const c = lookup(v, b);
        return c === undefined ? false : this.walk(c, path, i + 1, env, k, inData);
      }
    }
    if (this.canEval(p, env)) {
      return this.term(p, env, (key) => {
        const c = lookup(v, key);
        return c === undefined ? false : this.walk(c, path, i + 1, env, k, inData);
      });
    }
    return iterate(v, (key, child) => this.bind(p, key, env, () => this.walk(child, path, i + 1, env, k)));
  }

  /** Walks the data document: base data merged with virtual documents (rules). */
  protected data(path: readonly Term[], i: number, node: DocNode | undefined, base: Value | undefined, at: string[], env: Env, k: KV): boolean {
    if (this.state.overrides.size > 0) {
      const o = this.state.overrides.get(at.join('.'));
      if (o !== undefined && at.length > 0) return this.walk(o, path, i, env, k);
    }
    if (node && node.rules.length > 0) {
      // base documents take precedence over a rule at the same path (as OPA)
      if (base !== undefined && !isObject(base)) return this.walk(base, path, i, env, k);
      const v = this.nodeValue(node, base, at);
      return v === undefined ? false : this.walk(v, path, i, env, k);
    }
    if ((!node || !node.hasRules()) && !this.overridesBelow(at)) {
      if (base === undefined) return false;
      return this.walk(base, path, i, env, k, true);
    }
    node ??= EMPTY_NODE;
    if (i === path.length) {
      const v = this.docValue(node, base, at);
      return v === undefined ? false : k(v);
    }
    const p = path[i] as Term;
    const step = (k0: Value): boolean => {
      // the data document's keys are strings: data[2] reads data["2"] (as OPA)
      const key = typeof k0 === 'number' && Number.isInteger(k0) && (base === undefined || isObject(base)) ? String(k0) : k0;
      if (typeof key !== 'string') {
        return base === undefined ? false : this.walk(base, path, i, env, k);
      }
      const child = node.children.get(key);
      const childBase = base !== undefined ? lookup(base, key) : undefined;
      if (!child && childBase === undefined && !this.overridesBelow([...at, key])) return false;
      return this.data(path, i + 1, child, childBase, [...at, key], env, k);
    };
    if (this.canEval(p, env)) return this.term(p, env, step);
    const keys = new Set<string>(node.children.keys());
    if (base !== undefined && isObject(base)) for (const [kk] of objEntries(base)) if (typeof kk === 'string') keys.add(kk);
    for (const key of [...keys].sort()) if (this.bind(p, key, env, () => step(key))) return true;
    return false;
  }

  protected overridesBelow(at: string[]): boolean {
    if (this.state.overrides.size === 0) return false;
    const exact = at.join('.');
    const prefix = at.length === 0 ? '' : exact + '.';
    for (const key of this.state.overrides.keys()) if (key === exact || key.startsWith(prefix)) return true;
    return false;
  }

  /** The full value of a document node without rules of its own: base data merged with its children. */
  protected docValue(node: DocNode | undefined, base: Value | undefined, at: string[]): Value | undefined {
    const o = at.length > 0 ? this.state.overrides.get(at.join('.')) : undefined;
    if (o !== undefined) return o;
    if ((!node || !node.hasRules()) && !this.overridesBelow(at)) return base;
    node ??= EMPTY_NODE;
    if (node.rules.length > 0 && base !== undefined && !isObject(base)) return base;
    if (node.rules.length > 0) return this.nodeValue(node, base, at);
    const b = new ObjectBuilder();
    if (base !== undefined && isObject(base)) for (const [kk, vv] of objEntries(base)) b.set(kk, vv);
    for (const [name, child] of node.children) {
      const v = this.docValue(child, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
      if (v !== undefined) b.set(name, v);
    }
    const prefix = at.length === 0 ? '' : at.join('.') + '.';
    for (const key of this.state.overrides.keys()) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length).split('.')[0] as string;
      if (node.children.has(name)) continue;
      const v = this.docValue(undefined, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
      if (v !== undefined) b.set(name, v);
    }
    return b.build();
  }

  /** The value of a node holding rules (cached per query). */
  protected nodeValue(node: DocNode, base: Value | undefined, at: string[]): Value | undefined {
    const cached = this.state.cache.get(node);
    if (cached === IN_PROGRESS) throw new RegoError('rego_recursion_error', `rule data.${node.path.join('.')} is recursive`, (node.rules[0] as CompiledRule).rule.loc);
    if (cached !== undefined || this.state.cache.has(node)) return cached;
    this.state.cache.set(node, IN_PROGRESS);
    try {
      const v = this.computeNode(node, base, at);
      this.state.cache.set(node, v);
      return v;
    } catch (e) {
      this.state.cache.delete(node);
      throw e;
    }
  }

  protected computeNode(node: DocNode, base: Value | undefined, at: string[]): Value | undefined {
    if ((node.rules[0] as CompiledRule).rule.kind === 'function') return undefined;
    const doc = new DocBuilder();
    let defaultRule: CompiledRule | null = null;
    for (const cr of node.rules) {
      const r = cr.rule;
      if (r.isDefault) {
        defaultRule = cr;
        continue;
      }
      this.ruleSolutions(cr, (keys, v) => {
        if (r.kind === 'partialset') doc.addToSet(keys, v, r.loc);
        else doc.putValue(keys, v, r.loc);
      });
      if (r.kind === 'partialset' && cr.suffix.length === 0) doc.ensureSet([]);
      if (r.kind === 'complete' && cr.suffix.length > 0) doc.ensureObject();
    }
    if (defaultRule && doc.empty) {
      const r = defaultRule.rule;
      this.term(r.value, new Env(), (v) => {
        doc.putValue([], v, r.loc);
        return true;
      });
    }
    if (node.children.size > 0) {
      if (doc.leaf) {
        const v = doc.build();
        if (v !== undefined && !isObject(v)) return v;
      }
      for (const [name, child] of node.children) {
        const cv = this.docValue(child, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
        if (cv !== undefined) doc.merge([name], cv, (child.rules[0] ?? node.rules[0])?.rule.loc);
      }
      if (doc.empty) doc.ensureObject();
    }
    return doc.build();
  }

  /** Evaluates one rule (with its else chain); emit(keys, value) for each solution. */
  protected ruleSolutions(cr: CompiledRule, emit: (keys: Value[], v: Value) => void): void {
    const r = cr.rule;
    const out = r.kind === 'partialset' ? (r.key as Term) : r.value;
    const clauses = [{ body: r.body, value: out }, ...r.elses.map((e) => ({ body: e.body, value: e.value }))];
    this.enter(r);
    try {
      for (const c of clauses) {
        const env = new Env();
        let found = false;
        this.body(c.body, 0, env, () =>
          this.items(cr.suffix, 0, [], env, (keys) =>
            this.term(c.value, env, (v) => {
              found = true;
              emit(keys, v);
              return false;
            }),
          ),
        );
        if (found) return;
      }
    } finally {
      this.leave();
    }
  }

  protected enter(r: Rule): void {
    if (++this.depth > this.opts.maxDepth) throw new RegoError('eval_recursion_error', 'maximum evaluation depth exceeded', r.loc);
    this.ruleStack.push(r);
  }

  protected leave(): void {
    this.depth--;
    this.ruleStack.pop();
  }

  // ---- calls
}

const valueLookup = lookup;

function dataLookup(v: Value, key: Value): Value | undefined {
  const c = lookup(v, key);
  if (c !== undefined || typeof key !== 'number' || !Number.isInteger(key) || !isPlainObject(v)) return c;
  return lookup(v, String(key));
}
