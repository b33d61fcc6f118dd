import type { Matrix } from '../build.js';
import { MATRIX_COLUMNS } from './cells.js';

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The matrix as CSV (CRLF line ends, as RFC 4180 says), one row per direct dependency. */
export function matrixCsv(matrix: Matrix): string {
  const rows = [MATRIX_COLUMNS.map(([h]) => h), ...matrix.rows.map((r) => MATRIX_COLUMNS.map(([, cell]) => cell(r)))];
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
