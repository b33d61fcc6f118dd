/**
 * Turns a requirements file into logical lines the way pip reads it: a physical line ending in `\` continues on the
 * next one (joined without a space), a comment (`#` at the start or after whitespace) ends a continuation, comments are
 * stripped, blank lines are dropped. Each logical line keeps a map back to physical line and column for messages.
 * `${VAR}` references are left as written: chainwarden never reads the environment (output must not depend on it,
 * and index URLs often carry credentials there).
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A piece of a logical line copied from one physical line. */
interface Segment {
  /** Offset of the piece in the logical text. */
  readonly at: number;
  readonly line: number;
  /** 1-based column of the piece's first character on its physical line. */
  readonly column: number;
}

export interface LogicalLine {
  readonly text: string;
  /** Physical line where the logical line starts (1-based). */
  readonly line: number;
  readonly segments: readonly Segment[];
}

/** Physical line and column of an offset inside a logical line. */
export function positionIn(logical: LogicalLine, offset: number): Position {
  // Binary search for the last segment starting at or before the offset.
  const segments = logical.segments;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo] as Segment;
  return { line: segment.line, column: segment.column + (offset - segment.at) };
}

const WHOLE_LINE_COMMENT = /^\s*#/;
const SPACE = /\s/;

/**
 * Offset where a comment starts (pip: `(^|\s+)#.*$`, i.e. `#` at the start or after whitespace), including the
 * whitespace before it; the text length when there is none. A linear scan: the regex backtracks quadratically on
 * long runs of whitespace.
 */
function commentStart(text: string): number {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    if (at === 0 || SPACE.test(text[at - 1] as string)) {
      let start = at;
      while (start > 0 && SPACE.test(text[start - 1] as string)) start--;
      return start;
    }
  }
  return text.length;
}

export function tokenizeLines(content: string): LogicalLine[] {
  const physical = content.split(/\r?\n/);
  if (physical[0]?.startsWith('\uFEFF')) physical[0] = physical[0].slice(1);
  const out: LogicalLine[] = [];
  let text = '';
  let segments: Segment[] = [];
  let start = 0;
  const flush = (): void => {
    const cut = commentStart(text);
    const kept = text.slice(0, cut);
    const lead = kept.length - kept.trimStart().length;
    const trimmed = kept.trim();
    if (trimmed !== '') {
      out.push({ text: trimmed, line: start, segments: shift(segments, lead) });
    }
    text = '';
    segments = [];
  };
  physical.forEach((raw, index) => {
    const lineNo = index + 1;
    if (segments.length === 0) start = lineNo;
    const isComment = WHOLE_LINE_COMMENT.test(raw);
    if (raw.endsWith('\\') && !isComment) {
      segments.push({ at: text.length, line: lineNo, column: 1 });
      text += raw.slice(0, -1);
      return;
    }
    // A comment line inside a continuation ends it; pip prefixes a space so the comment is always recognised.
    const piece = isComment && segments.length > 0 ? ` ${raw}` : raw;
    segments.push({ at: text.length, line: lineNo, column: piece === raw ? 1 : 0 });
    text += piece;
    flush();
  });
  if (segments.length > 0) flush();
  return out;
}

/** Re-bases segment offsets after `lead` leading characters were trimmed from the logical text. */
function shift(segments: readonly Segment[], lead: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const at = s.at - lead;
    if (at <= 0) out.length = 0; // segments entirely inside the trimmed prefix are dropped, the current one re-based
    out.push(at < 0 ? { at: 0, line: s.line, column: s.column - at } : { at, line: s.line, column: s.column });
  }
  return out;
}
