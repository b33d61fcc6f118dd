/**
 * GitHub Actions expressions (`${{ … }}`): a lexer and a recursive-descent parser into a small AST, so that checks
 * reason about what an expression reads (context paths, function calls) instead of matching its text.
 * Grammar (GitHub's documented precedence): `||` < `&&` < `==`/`!=` < `<` `<=` `>` `>=` < `!` < property/index/call.
 */

export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'property'; readonly object: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly object: Expr; readonly index: Expr }
  | { readonly kind: 'star'; readonly object: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'not'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset inside the expression text. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

const PUNCT = ['<=', '>=', '==', '!=', '&&', '||', '(', ')', '[', ']', '.', ',', '!', '<', '>', '*'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new ExpressionSyntaxError('unterminated string literal', i);
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += src[j];
        j++;
      }
      tokens.push({ kind: 'string', text: value, offset: i });
      i = j + 1;
      continue;
    }
    const num = /^(?:0x[0-9a-fA-F]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (num !== null && /[\d.]/.test(ch) && !(ch === '.' && !/\d/.test(src[i + 1] ?? ''))) {
      tokens.push({ kind: 'number', text: num[0], offset: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (ident !== null) {
      tokens.push({ kind: 'ident', text: ident[0], offset: i });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => src.startsWith(p, i));
    if (punct === undefined) throw new ExpressionSyntaxError(`unexpected character '${ch}'`, i);
    tokens.push({ kind: 'punct', text: punct, offset: i });
    i += punct.length;
  }
  tokens.push({ kind: 'end', text: '', offset: src.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }
  private accept(text: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) {
      this.pos++;
      return true;
    }
    return false;
  }
  private expect(text: string): void {
    const t = this.peek();
    if (!this.accept(text)) throw new ExpressionSyntaxError(`expected '${text}' but found ${t.kind === 'end' ? 'the end' : `'${t.text}'`}`, t.offset);
  }

  parse(): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw new ExpressionSyntaxError(`unexpected '${t.text}'`, t.offset);
    return e;
  }

  private binaryLevel(ops: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.pos++;
      left = { kind: 'binary', op: t.text, left, right: operand() };
    }
  }
  private or(): Expr {
    return this.binaryLevel(['||'], () => this.and());
  }
  private and(): Expr {
    return this.binaryLevel(['&&'], () => this.equality());
  }
  private equality(): Expr {
    return this.binaryLevel(['==', '!='], () => this.comparison());
  }
  private comparison(): Expr {
    return this.binaryLevel(['<', '<=', '>', '>='], () => this.unary());
  }
  private unary(): Expr {
    if (this.accept('!')) return { kind: 'not', operand: this.unary() };
    return this.postfix(this.primary());
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'literal', value: t.text };
    if (t.kind === 'number') return { kind: 'literal', value: Number(t.text) };
    if (t.kind === 'punct' && t.text === '(') {
      const e = this.or();
      this.expect(')');
      return e;
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
      if (t.text === 'null') return { kind: 'literal', value: null };
      if (this.accept('(')) {
        const args: Expr[] = [];
        if (!this.accept(')')) {
          do args.push(this.or());
          while (this.accept(','));
          this.expect(')');
        }
        return { kind: 'call', name: t.text, args };
      }
      return { kind: 'context', name: t.text };
    }
    throw new ExpressionSyntaxError(t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${t.text}'`, t.offset);
  }

  private postfix(base: Expr): Expr {
    let e = base;
    for (;;) {
      if (this.accept('.')) {
        if (this.accept('*')) {
          e = { kind: 'star', object: e };
          continue;
        }
        const t = this.next();
        if (t.kind !== 'ident') throw new ExpressionSyntaxError('expected a property name after "."', t.offset);
        e = { kind: 'property', object: e, name: t.text };
      } else if (this.accept('[')) {
        if (this.accept('*')) {
          this.expect(']');
          e = { kind: 'star', object: e };
          continue;
        }
        const index = this.or();
        this.expect(']');
        e = { kind: 'index', object: e, index };
      } else return e;
    }
  }
}

/** Parses the text between `${{` and `}}`. Throws ExpressionSyntaxError. */
export function parseExpression(src: string): Expr {
  return new Parser(tokenize(src)).parse();
}

export interface EmbeddedExpression {
  /** The text between `${{` and `}}`. */
  readonly source: string;
  /** Offset of `${{` in the template. */
  readonly offset: number;
  /** The parsed expression, or the syntax error. */
  readonly expr: Expr | ExpressionSyntaxError;
}

/** Finds every `${{ … }}` in a string value (string literals inside an expression may contain `}}`). */
export function embeddedExpressions(template: string): EmbeddedExpression[] {
  const out: EmbeddedExpression[] = [];
  let from = 0;
  for (;;) {
    const start = template.indexOf('${{', from);
    if (start < 0) return out;
    let i = start + 3;
    let inString = false;
    let end = -1;
    while (i < template.length) {
      const ch = template[i];
      if (inString) {
        if (ch === "'") {
          if (template[i + 1] === "'") i++;
          else inString = false;
        }
      } else if (ch === "'") inString = true;
      else if (ch === '}' && template[i + 1] === '}') {
        end = i;
        break;
      }
      i++;
    }
    if (end < 0) {
      out.push({ source: template.slice(start + 3), offset: start, expr: new ExpressionSyntaxError('unterminated ${{ expression', 0) });
      return out;
    }
    const source = template.slice(start + 3, end);
    let expr: Expr | ExpressionSyntaxError;
    try {
      expr = parseExpression(source);
    } catch (e) {
      if (!(e instanceof ExpressionSyntaxError)) throw e;
      expr = e;
    }
    out.push({ source, offset: start, expr });
    from = end + 2;
  }
}

/**
 * The context path an access expression reads, as segments (`github.event.commits[0].message` →
 * github, event, commits, *, message; an index that is not a literal string becomes `*`), or undefined when the
 * expression is not a property access on a context.
 */
export function accessPath(e: Expr): string[] | undefined {
  switch (e.kind) {
    case 'context':
      return [e.name.toLowerCase()];
    case 'property': {
      const p = accessPath(e.object);
      return p === undefined ? undefined : [...p, e.name.toLowerCase()];
    }
    case 'index': {
      const p = accessPath(e.object);
      if (p === undefined) return undefined;
      return [...p, e.index.kind === 'literal' && typeof e.index.value === 'string' ? e.index.value.toLowerCase() : '*'];
    }
    case 'star': {
      const p = accessPath(e.object);
      return p === undefined ? undefined : [...p, '*'];
    }
    default:
      return undefined;
  }
}

/** Visits every node of an expression (pre-order). */
export function walkExpression(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'property':
    case 'star':
      walkExpression(e.object, visit);
      break;
    case 'index':
      walkExpression(e.object, visit);
      walkExpression(e.index, visit);
      break;
    case 'call':
      e.args.forEach((a) => walkExpression(a, visit));
      break;
    case 'not':
      walkExpression(e.operand, visit);
      break;
    case 'binary':
      walkExpression(e.left, visit);
      walkExpression(e.right, visit);
      break;
    default:
      break;
  }
}

/** The maximal access paths an expression reads (not their prefixes). */
export function readPaths(e: Expr): string[][] {
  const out: string[][] = [];
  const visit = (node: Expr): void => {
    const path = accessPath(node);
    if (path !== undefined) {
      out.push(path);
      if (node.kind === 'index') visit(node.index);
      return;
    }
    switch (node.kind) {
      case 'property':
      case 'star':
        visit(node.object);
        break;
      case 'index':
        visit(node.object);
        visit(node.index);
        break;
      case 'call':
        node.args.forEach(visit);
        break;
      case 'not':
        visit(node.operand);
        break;
      case 'binary':
        visit(node.left);
        visit(node.right);
        break;
      default:
        break;
    }
  };
  visit(e);
  return out;
}
