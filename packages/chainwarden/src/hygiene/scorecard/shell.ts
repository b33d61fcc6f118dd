/**
 * A small POSIX-shell reader for `run:` scripts: words (quotes removed, `$(…)`/`<(…)`/backticks kept as nested
 * scripts), redirections, pipelines and lists, with the line each command starts on. Enough to see which commands
 * a script runs and how they are chained; it evaluates nothing.
 */

export interface ShellWord {
  /** The word with quotes removed (substitutions left as written). */
  readonly text: string;
  /** A process substitution `<(…)` when the whole word is one. */
  readonly procSubst?: string;
}

export interface SimpleCommand {
  /** Command words, leading `VAR=value` assignments and `sudo` removed. */
  readonly words: readonly ShellWord[];
  readonly redirects: readonly { readonly op: string; readonly target: string }[];
  /** 0-based line offset inside the script. */
  readonly line: number;
  readonly endLine: number;
  /** The command as written (for snippets). */
  readonly text: string;
}

export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

export interface ParsedScript {
  readonly pipelines: readonly Pipeline[];
  /** Scripts nested in `$(…)`, backticks and `<(…)`, with the line they start on. */
  readonly nested: readonly { readonly script: string; readonly line: number }[];
}

type Tok =
  | { readonly kind: 'word'; readonly word: ShellWord; readonly raw: string; readonly line: number; readonly end: number; readonly start: number }
  | { readonly kind: 'op'; readonly op: string; readonly line: number; readonly start: number; readonly end: number }
  | { readonly kind: 'redir'; readonly op: string; readonly line: number; readonly start: number; readonly end: number };

const KEYWORDS_BEFORE = new Set(['if', 'then', 'elif', 'else', 'do', 'while', 'until', '!', '{', '(', 'time']);
const KEYWORDS_AFTER = new Set(['fi', 'done', '}', ')', 'esac']);

/** Reads to the parenthesis closing the one at `open` (skipping quotes), returning the index after it. */
function closeParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'") i = src.indexOf("'", i + 1) < 0 ? src.length : src.indexOf("'", i + 1);
    else if (ch === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return src.length;
}

function lex(src: string, nested: { script: string; line: number }[]): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 0;
  const heredocs: string[] = [];
  const lineAt = (pos: number): number => line + (src.slice(i, pos).match(/\n/g)?.length ?? 0);
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '\n') {
      toks.push({ kind: 'op', op: '\n', line, start: i, end: i + 1 });
      i++;
      line++;
      // Skip here-document bodies.
      for (const delim of heredocs.splice(0)) {
        for (;;) {
          const nl = src.indexOf('\n', i);
          const text = src.slice(i, nl < 0 ? src.length : nl);
          i = nl < 0 ? src.length : nl + 1;
          line++;
          if (text.trim() === delim || nl < 0) break;
        }
      }
      continue;
    }
    const op = ['&&', '||', ';;', '|&', '|', ';', '&'].find((o) => src.startsWith(o, i));
    if (op !== undefined) {
      toks.push({ kind: 'op', op, line, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const heredoc = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(src.slice(i));
    if (heredoc !== null) {
      heredocs.push(heredoc[2] as string);
      i += heredoc[0].length;
      continue;
    }
    const redir = /^(?:\d*>>|\d*>&\d*-?|&>>?|\d*>\||\d*>|\d*<<<|\d*<>|\d*<&\d*-?|\d*<)(?!\()/.exec(src.slice(i));
    if (redir !== null) {
      toks.push({ kind: 'redir', op: redir[0].replace(/^\d+/, ''), line, start: i, end: i + redir[0].length });
      i += redir[0].length;
      continue;
    }
    if ((ch === '(' || ch === ')') && !(ch === '(' && src[i - 1] === '$')) {
      toks.push({ kind: 'op', op: ch, line, start: i, end: i + 1 });
      i++;
      continue;
    }
    // A word.
    const start = i;
    const startLine = line;
    let text = '';
    let procSubst: string | undefined;
    while (i < src.length) {
      const c = src[i] as string;
      if (/[\s;&|()]/.test(c)) break;
      if ((c === '<' || c === '>') && src[i + 1] !== '(') break;
      if (c === '\\') {
        if (src[i + 1] === '\n') {
          i += 2;
          line++;
          continue;
        }
        text += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === "'") {
        const end = src.indexOf("'", i + 1);
        const stop = end < 0 ? src.length : end;
        text += src.slice(i + 1, stop);
        line += src.slice(i, stop).match(/\n/g)?.length ?? 0;
        i = stop + 1;
        continue;
      }
      if (c === '"') {
        let j = i + 1;
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\' && j + 1 < src.length) {
            text += src[j + 1];
            j += 2;
            continue;
          }
          if (src[j] === '$' && src[j + 1] === '(') {
            const close = closeParen(src, j + 1);
            nested.push({ script: src.slice(j + 2, close - 1), line: lineAt(j) });
            text += src.slice(j, close);
            j = close;
            continue;
          }
          text += src[j];
          j++;
        }
        line += src.slice(i, j).match(/\n/g)?.length ?? 0;
        i = j + 1;
        continue;
      }
      if ((c === '$' || c === '<' || c === '>') && src[i + 1] === '(') {
        const close = closeParen(src, i + 1);
        const inner = src.slice(i + 2, close - 1);
        nested.push({ script: inner, line: lineAt(i) });
        if (c !== '$' && text === '' && /^[\s;&|)]|^$/.test(src.slice(close, close + 1))) procSubst = inner;
        text += src.slice(i, close);
        line += src.slice(i, close).match(/\n/g)?.length ?? 0;
        i = close;
        continue;
      }
      if (c === '`') {
        const end = src.indexOf('`', i + 1);
        const stop = end < 0 ? src.length : end;
        nested.push({ script: src.slice(i + 1, stop), line: lineAt(i) });
        text += src.slice(i, stop + 1);
        line += src.slice(i, stop).match(/\n/g)?.length ?? 0;
        i = stop + 1;
        continue;
      }
      if (c === '$' && src[i + 1] === '{') {
        const end = src.indexOf('}', i);
        const stop = end < 0 ? src.length : end + 1;
        text += src.slice(i, stop);
        i = stop;
        continue;
      }
      text += c;
      i++;
    }
    if (i === start) {
      i++;
      continue;
    }
    toks.push({ kind: 'word', word: procSubst !== undefined ? { text, procSubst } : { text }, raw: src.slice(start, i), line: startLine, start, end: i });
  }
  return toks;
}

/** Parses a script into pipelines of simple commands. Never throws: unknown syntax degrades to words. */
export function parseScript(src: string): ParsedScript {
  const nested: { script: string; line: number }[] = [];
  const toks = lex(src, nested);
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: { op: string; target: string }[] = [];
  let first: Tok | undefined;
  let last: Tok | undefined;
  let pipeFirst: Tok | undefined;
  let pendingRedir: string | undefined;

  const endCommand = (): void => {
    while (words.length > 0 && KEYWORDS_AFTER.has((words[words.length - 1] as ShellWord).text)) words.pop();
    if (words.length > 0 && first !== undefined && last !== undefined) {
      commands.push({ words, redirects, line: first.line, endLine: last.line, text: src.slice(first.start, last.end).trim() });
      pipeFirst ??= first;
    }
    words = [];
    redirects = [];
    first = undefined;
    last = undefined;
  };
  const endPipeline = (): void => {
    endCommand();
    const lastCmd = commands[commands.length - 1];
    const firstCmd = commands[0];
    if (firstCmd !== undefined && lastCmd !== undefined && pipeFirst !== undefined) {
      pipelines.push({ commands, line: firstCmd.line, endLine: lastCmd.endLine, text: commands.map((c) => c.text).join(' | ') });
    }
    commands = [];
    pipeFirst = undefined;
  };

  for (const t of toks) {
    if (t.kind === 'redir') {
      pendingRedir = t.op;
      last = t;
      continue;
    }
    if (t.kind === 'word') {
      if (pendingRedir !== undefined) {
        redirects.push({ op: pendingRedir, target: t.word.text });
        pendingRedir = undefined;
        last = t;
        continue;
      }
      const atStart = words.length === 0;
      if (atStart && (KEYWORDS_BEFORE.has(t.word.text) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.word.text) || t.word.text.toLowerCase() === 'sudo')) continue;
      if (atStart && (t.word.text === 'for' || t.word.text === 'case' || t.word.text === 'function')) {
        // `for x in …; do` / `case … in` headers run nothing.
        words = [{ text: '#header' }];
        first = t;
        last = t;
        continue;
      }
      if (words[0]?.text === '#header') {
        last = t;
        continue;
      }
      words.push(t.word);
      first ??= t;
      last = t;
      continue;
    }
    // Operators.
    if (t.op === '|' || t.op === '|&') endCommand();
    else if (t.op === '(' || t.op === ')') {
      if (words.length === 0) continue;
      endPipeline();
    } else endPipeline();
  }
  endPipeline();
  return { pipelines: pipelines.map((p) => ({ ...p, commands: p.commands.filter((c) => c.words[0]?.text !== '#header') })).filter((p) => p.commands.length > 0), nested };
}

/** The base name of a command word (`/usr/bin/python3` → `python3`). */
export function binaryName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).toLowerCase();
}
