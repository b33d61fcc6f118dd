/** The `rel="next"` URL of an RFC 8288 Link header, as GitHub paginates (`<…?page=2>; rel="next", <…>; rel="last"`). */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(',')) {
    const m = /^\s*<([^>]*)>\s*((?:;\s*[^;]*)*)$/u.exec(part);
    if (m === null) continue;
    const params = (m[2] ?? '').split(';').map((p) => p.trim());
    if (params.some((p) => /^rel\s*=\s*"?(?:[^"]*\s)?next(?:\s[^"]*)?"?$/u.test(p))) return m[1];
  }
  return undefined;
}
