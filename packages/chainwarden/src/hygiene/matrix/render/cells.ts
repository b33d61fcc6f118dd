import type { MatrixRow } from '../build.js';

/** The matrix's columns: header and how a row fills it. One definition for Markdown and CSV. */
export const MATRIX_COLUMNS: readonly (readonly [header: string, cell: (row: MatrixRow) => string])[] = [
  ['Ecosystem', (r) => r.ecosystem],
  ['Manifest', (r) => r.manifest],
  ['Package', (r) => r.name],
  ['Version', (r) => r.version ?? ''],
  ['Licence', (r) => r.licenses.join(' AND ')],
  ['Scope', (r) => (r.groups.length > 0 ? `${r.scope} (${r.groups.join(', ')})` : r.scope)],
  ['Owner', (r) => r.owner?.owner ?? ''],
  ['Updates', (r) => updatesCell(r)],
  ['Notes', (r) => r.note ?? ''],
];

function updatesCell(row: MatrixRow): string {
  if (row.updates.length === 0) return 'none configured';
  return row.updates.map((u) => `${u.tool}: ${u.status}`).join('; ');
}
