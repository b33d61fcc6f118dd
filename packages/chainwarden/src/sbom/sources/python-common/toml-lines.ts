import { lineColumnAt } from '../../../core/parse.js';

/**
 * 1-based line numbers of each `[[<table>]]` header in a TOML document, in order. For a valid document the i-th
 * header is the i-th element of that array of tables, which lets messages about `package[i]` name a line.
 */
export function arrayTableLines(text: string, table: string): number[] {
  const escaped = table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^[ \\t]*\\[\\[[ \\t]*${escaped}[ \\t]*\\]\\]`, 'gm');
  const lines: number[] = [];
  let offset = 0;
  let line = 1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // Incremental line counting: one pass over the text in total.
    line += lineColumnAt(text.slice(offset, m.index), m.index - offset).line - 1;
    offset = m.index;
    lines.push(line);
  }
  return lines;
}
