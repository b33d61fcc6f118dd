/** The syntax of Go text/template as strings.render_template uses it: text, actions and blocks. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(`template: ${message}`);
    this.name = 'TemplateError';
  }
}

export type Node =
  | { readonly k: 'text'; readonly text: string }
  | { readonly k: 'action'; readonly pipe: string }
  | { readonly k: 'if' | 'with'; readonly pipe: string; readonly then: Node[]; readonly else: Node[] }
  | { readonly k: 'range'; readonly vars: readonly string[]; readonly pipe: string; readonly body: Node[]; readonly else: Node[] };

interface Token {
  readonly text?: string;
  readonly action?: string;
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) out.push({ text });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('unclosed action');
    let body = src.slice(start, close);
    let next = close + 2;
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      const m = /^\s*/.exec(src.slice(next)) as RegExpExecArray;
      next += m[0].length;
    }
    out.push({ action: body.trim() });
    i = next;
  }
  return out;
}

export class TemplateParser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}
  parse(): Node[] {
    const [nodes, end] = this.list();
    if (end !== undefined) throw new TemplateError(`unexpected {{${end}}}`);
    return nodes;
  }
  /** Nodes up to an {{else...}} or {{end}} (returned as the terminator). */
  private list(): [Node[], string | undefined] {
    const out: Node[] = [];
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++] as Token;
      if (t.text !== undefined) {
        out.push({ k: 'text', text: t.text });
        continue;
      }
      const a = t.action as string;
      if (a.startsWith('/*')) continue;
      if (a === 'end' || a === 'else' || a.startsWith('else ')) return [out, a];
      const m = /^(if|with|range)\s+(.*)$/s.exec(a);
      if (m) out.push(this.block(m[1] as 'if' | 'with' | 'range', m[2] as string));
      else out.push({ k: 'action', pipe: a });
    }
    return [out, undefined];
  }
  private block(kind: 'if' | 'with' | 'range', pipe: string): Node {
    const [body, end] = this.list();
    let elseNodes: Node[] = [];
    if (end === undefined) throw new TemplateError(`unexpected EOF in ${kind}`);
    if (end === 'else') {
      const [e, end2] = this.list();
      if (end2 !== 'end') throw new TemplateError(`expected end; found ${end2 ?? 'EOF'}`);
      elseNodes = e;
    } else if (end.startsWith('else ')) {
      const m = /^else\s+(if|with)\s+(.*)$/s.exec(end);
      if (!m) throw new TemplateError(`unexpected {{${end}}}`);
      elseNodes = [this.block(m[1] as 'if' | 'with', m[2] as string)];
    }
    if (kind === 'range') {
      const decl = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*(.*)$/s.exec(pipe);
      return { k: 'range', vars: decl ? [decl[1], decl[2]].filter((x): x is string => x !== undefined) : [], pipe: decl ? (decl[3] as string) : pipe, body, else: elseNodes };
    }
    return { k: kind, pipe, then: body, else: elseNodes };
  }
}
