/**
 * The hidden marker that ties an issue to a backlog entry: the first line of the issue body is
 * `<!-- chainwarden:CW-xxxxxxxx -->`. Only the first line counts, so text quoted further down (a product name from
 * a supplier SBOM, a human's comment pasted into the body) can never claim an issue for another entry.
 */

const MARKER = /^<!-- chainwarden:([A-Za-z0-9][A-Za-z0-9._-]{0,127}) -->\r?$/u;

export function markerLine(itemId: string): string {
  return `<!-- chainwarden:${itemId} -->`;
}

/** The item id an issue body is marked with, if any. */
export function markedItemId(body: string | null | undefined): string | undefined {
  if (body === null || body === undefined) return undefined;
  const first = body.split('\n', 1)[0] ?? '';
  return MARKER.exec(first)?.[1];
}

/** Whether an id can be written into a marker (stable backlog ids always can). */
export function isMarkableId(itemId: string): boolean {
  return MARKER.test(markerLine(itemId));
}
