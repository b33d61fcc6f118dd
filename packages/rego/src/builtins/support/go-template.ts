/**
 * A subset of Go's text/template for strings.render_template: {{.field.path}}, $variables, {{if}}/{{else if}}/
 * {{else}}, {{range}} (with `$i, $v :=`), {{with}}, trim markers, and the builtins eq ne lt le gt ge and or not
 * len index print printf. Missing keys render as `<undefined>`.
 */
import { compare, equal, sortedEntries } from '../../value/compare.js';
import { isArray, isObject, isSet } from '../../value/kinds.js';
import { objGet, objSize } from '../../value/object.js';
import { goSprintf } from './go-fmt.js';
import { numberText } from './rego-text.js';
import type { FmtArg } from './go-fmt.js';
import { TemplateError, TemplateParser, tokenize } from './go-template-parse.js';
import type { Node } from './go-template-parse.js';
import type { Value } from '../../value/types.js';

const MISSING = Symbol('missing');
type TVal = Value | typeof MISSING;
/** What a `{{$x := ...}}` action yields: nothing to print. */
const DECLARED = Symbol('declared');

function truthy(v: TVal): boolean {
  if (v === MISSING || v === null || v === false || v === 0 || v === '') return false;
  if (isArray(v)) return v.length > 0;
  if (isSet(v)) return v.size > 0;
  if (isObject(v)) return objSize(v) > 0;
  return true;
}

export function templateText(v: TVal): string {
  if (v === MISSING) return '<undefined>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return numberText(v);
  if (typeof v === 'boolean') return String(v);
  if (isArray(v)) return '[' + v.map(templateText).join(' ') + ']';
  if (isSet(v)) return '[' + [...v.values()].map(templateText).join(' ') + ']';
  return 'map[' + sortedEntries(v).map(([k, x]) => `${templateText(k)}:${templateText(x)}`).join(' ') + ']';
}

function fmtArg(v: TVal): FmtArg {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? { t: 'int', v: BigInt(v) } : { t: 'float', v };
  if (typeof v === 'bigint') return { t: 'big', v };
  return { t: 'string', v: templateText(v) };
}

class Renderer {
  private out = '';
  private readonly vars: Map<string, TVal>[];
  constructor(root: Value) {
    this.vars = [new Map<string, TVal>([['$', root]])];
  }

  run(nodes: readonly Node[], dot: TVal): string {
    this.nodes(nodes, dot);
    return this.out;
  }

  private lookup(name: string): TVal {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const scope = this.vars[i] as Map<string, TVal>;
      if (scope.has(name)) return scope.get(name) as TVal;
    }
    throw new TemplateError(`undefined variable: ${name}`);
  }

  private field(v: TVal, path: string): TVal {
    let cur = v;
    for (const seg of path.split('.').filter((s) => s !== '')) {
      if (cur === MISSING || !isObject(cur)) return MISSING;
      const next: Value | undefined = objGet(cur, seg);
      cur = next === undefined ? MISSING : next;
    }
    return cur;
  }

  private operand(tok: string, dot: TVal): TVal {
    if (tok === '.') return dot;
    if (tok.startsWith('.')) return this.field(dot, tok);
    if (tok.startsWith('$')) {
      const dotAt = tok.indexOf('.');
      const base = this.lookup(dotAt < 0 ? tok : tok.slice(0, dotAt));
      return dotAt < 0 ? base : this.field(base, tok.slice(dotAt));
    }
    if (/^"(?:[^"\\]|\\.)*"$/.test(tok)) return JSON.parse(tok) as string;
    if (/^`[^`]*`$/.test(tok)) return tok.slice(1, -1);
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'nil') return null;
    throw new TemplateError(`function ${JSON.stringify(tok)} not defined`);
  }

  private call(words: readonly string[], dot: TVal, piped?: TVal): TVal {
    const [head, ...rest] = words;
    if (head === undefined) throw new TemplateError('missing value for command');
    const args = (): TVal[] => {
      const out: TVal[] = rest.map((w) => this.operand(w, dot));
      if (piped !== undefined) out.push(piped);
      return out;
    };
    const plain = (xs: TVal[]): Value[] => xs.map((x) => (x === MISSING ? null : x));
    switch (head) {
      case 'eq': {
        const [a, ...bs] = plain(args());
        return bs.some((b) => equal(a as Value, b));
      }
      case 'ne': {
        const [a, b] = plain(args());
        return !equal(a as Value, b as Value);
      }
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        const [a, b] = plain(args());
        const c = compare(a as Value, b as Value);
        return head === 'lt' ? c < 0 : head === 'le' ? c <= 0 : head === 'gt' ? c > 0 : c >= 0;
      }
      case 'and': {
        const xs = args();
        return xs.find((x) => !truthy(x)) ?? (xs[xs.length - 1] as TVal);
      }
      case 'or': {
        const xs = args();
        return xs.find(truthy) ?? (xs[xs.length - 1] as TVal);
      }
      case 'not':
        return !truthy(args()[0] as TVal);
      case 'len': {
        const x = args()[0] as TVal;
        if (typeof x === 'string') return Buffer.byteLength(x);
        if (x !== MISSING && x !== null && (isArray(x) || isSet(x) || isObject(x))) return isArray(x) ? x.length : isSet(x) ? x.size : objSize(x);
        throw new TemplateError(`len of ${templateText(x)}`);
      }
      case 'index': {
        const [first, ...keys] = args();
        let cur = first;
        for (const k of keys) {
          if (cur === MISSING || cur === undefined) break;
          cur = isArray(cur) ? (cur[Number(k)] ?? MISSING) : isObject(cur) ? (objGet(cur, k === MISSING ? null : k) ?? MISSING) : MISSING;
        }
        return cur ?? MISSING;
      }
      case 'print':
        return args().map(templateText).join('');
      case 'println':
        return args().map(templateText).join(' ') + '\n';
      case 'printf': {
        const [f, ...xs] = args();
        return goSprintf(templateText(f as TVal), xs.map(fmtArg));
      }
      default:
        if (rest.length > 0 || piped !== undefined) throw new TemplateError(`can't give argument to non-function ${head}`);
        return this.operand(head, dot);
    }
  }

  private pipeline(pipe: string, dot: TVal): TVal | typeof DECLARED {
    const decl = /^(\$\w+)\s*:?=\s*(.*)$/s.exec(pipe);
    if (decl) {
      const v = this.value(decl[2] as string, dot);
      (this.vars[this.vars.length - 1] as Map<string, TVal>).set(decl[1] as string, v);
      return DECLARED;
    }
    return this.value(pipe, dot);
  }

  private value(pipe: string, dot: TVal): TVal {
    let value: TVal | undefined;
    for (const cmd of splitPipe(pipe)) value = this.call(words(cmd), dot, value);
    return value ?? MISSING;
  }

  private nodes(nodes: readonly Node[], dot: TVal): void {
    for (const n of nodes) {
      switch (n.k) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipeline(n.pipe, dot);
          if (v !== DECLARED) this.out += templateText(v);
          break;
        }
        case 'if':
        case 'with': {
          const v = this.value(n.pipe, dot);
          this.scoped(() => (truthy(v) ? this.nodes(n.then, n.k === 'with' ? v : dot) : this.nodes(n.else, dot)));
          break;
        }
        case 'range':
          this.range(n, dot);
          break;
      }
    }
  }

  private range(n: Node & { k: 'range' }, dot: TVal): void {
    const v = this.value(n.pipe, dot);
    let items: [Value, Value][] = [];
    if (v !== MISSING && v !== null) {
      if (isArray(v)) items = v.map((x, i) => [i, x]);
      else if (isSet(v)) items = [...v.values()].map((x, i) => [i, x]);
      else if (isObject(v)) items = sortedEntries(v).map(([k, x]) => [k, x]);
      else if (typeof v === 'number') items = Array.from({ length: v }, (_, i) => [i, i]);
    }
    if (items.length === 0) return this.scoped(() => this.nodes(n.else, dot));
    for (const [k, x] of items)
      this.scoped(() => {
        const scope = this.vars[this.vars.length - 1] as Map<string, TVal>;
        if (n.vars.length === 1) scope.set(n.vars[0] as string, x);
        if (n.vars.length === 2) {
          scope.set(n.vars[0] as string, k);
          scope.set(n.vars[1] as string, x);
        }
        this.nodes(n.body, x);
      });
  }

  private scoped(f: () => void): void {
    this.vars.push(new Map());
    try {
      f();
    } finally {
      this.vars.pop();
    }
  }
}

function splitPipe(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const c of p) {
    if (quote) {
      cur += c;
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') {
      quote = c;
      cur += c;
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function words(cmd: string): string[] {
  return cmd.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? [];
}

/** Renders a template with the given variables as `.`. */
export function renderTemplate(template: string, vars: Value): string {
  return new Renderer(vars).run(new TemplateParser(tokenize(template)).parse(), vars);
}
