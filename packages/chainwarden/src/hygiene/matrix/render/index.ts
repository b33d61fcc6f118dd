import type { Matrix } from '../build.js';
import { matrixCsv } from './csv.js';
import { matrixMarkdown } from './markdown.js';

export type MatrixFormat = 'markdown' | 'csv' | 'json';

/** The matrix's output formats. */
export const MATRIX_FORMATS: Readonly<Record<MatrixFormat, (matrix: Matrix) => string>> = {
  markdown: matrixMarkdown,
  csv: matrixCsv,
  json: (m) => `${JSON.stringify(m, null, 2)}\n`,
};
