/**
 * Markdown for issue bodies built from untrusted text (component and product names come from SBOMs, some from
 * suppliers): values go into code spans, so no `@mention`, link, HTML comment or table break can be injected.
 */
export function code(value: string): string {
  const text = value.replace(/[\r\n|]+/gu, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/gu)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Plain text for a table cell or a line: no newlines, no pipes, no HTML, no mentions. */
export function plain(value: string): string {
  return value
    .replace(/[\r\n]+/gu, ' ')
    .replace(/[|\\<>[\]*_#`]/gu, (c) => `\\${c}`)
    .replace(/(^|[^\w`])@(?=\w)/gu, '$1@\u200b');
}
