/** Markdown helpers for the TechDocs pages. */
import { mdTable } from '../../pipeline/report/markdown.js';
import type { ExportFile } from './inputs.js';

export { mdTable } from '../../pipeline/report/markdown.js';

export function code(value: string): string {
  return `\`${value.replace(/`/gu, "'")}\``;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** An array of records as a table over the keys they have (first-seen order). */
export function recordsTable(records: readonly Readonly<Record<string, unknown>>[]): string {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return mdTable(keys, records.map((r) => keys.map((k) => scalar(r[k]))));
}

/** An exported file (backlog, risk register) on a page: Markdown inline (headings one level down), JSON lists as tables. */
export function renderExport(file: ExportFile): string {
  const head = `From ${code(file.file)}:`;
  if (file.file.endsWith('.md')) return `${head}\n\n${file.content.replace(/^(#{1,5}) /gmu, '#$1 ').trim()}`;
  if (file.file.endsWith('.json')) {
    try {
      const doc = JSON.parse(file.content) as unknown;
      const list = Array.isArray(doc) ? doc : Object.values(doc as Record<string, unknown>).find((v) => Array.isArray(v));
      if (Array.isArray(list) && list.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
        return list.length === 0 ? `${head} no entries.` : `${head}\n\n${recordsTable(list as Record<string, unknown>[])}`;
      }
    } catch {
      return `${head} not valid JSON.`;
    }
  }
  return `${head}\n\n\`\`\`\n${file.content.trimEnd()}\n\`\`\``;
}
