/** A table of a Markdown document (GitHub-flavoured pipe tables), with the line of every row. */
export interface MarkdownTable {
  /** 1-based line of the header row. */
  readonly line: number;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

const DELIMITER_CELL = /^\s*:?-{1,}:?\s*$/;

/** Splits a table line into cells: outer pipes optional, `\|` is a literal pipe, pipes inside `code` spans too. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || !text.endsWith('|')) cells.push(current.trim());
  return cells;
}

/** Finds every pipe table: a header row followed by a delimiter row (`| --- | :-: |`), then rows until a blank or non-table line. */
export function markdownTables(text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch !== null) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined || !line.includes('|')) continue;
    const delimiter = lines[i + 1] ?? '';
    if (!delimiter.includes('-')) continue;
    const delimiterCells = splitRow(delimiter);
    const headers = splitRow(line);
    if (delimiterCells.length === 0 || !delimiterCells.every((c) => DELIMITER_CELL.test(c)) || delimiterCells.length !== headers.length) continue;
    const rows: { line: number; cells: string[] }[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j] ?? '';
      if (row.trim() === '' || !row.includes('|')) break;
      rows.push({ line: j + 1, cells: splitRow(row) });
    }
    tables.push({ line: i + 1, headers, rows });
    i = j - 1;
  }
  return tables;
}

/** The plain text of a cell: links, emphasis and code marks removed. */
export function cellText(cell: string): string {
  return cell
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]{1,3}([^`*~]+?)[`*_~]{1,3}/g, '$1')
    .replace(/`/g, '')
    .trim();
}
