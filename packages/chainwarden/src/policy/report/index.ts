/** Report formats of `chainwarden policy eval` (`--format`), one renderer per format. */
import type { GateReport } from '../result.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = { text: (r: GateReport) => renderText(r), json: renderJson, sarif: renderSarif, junit: renderJunit } as const satisfies Record<string, (r: GateReport) => string>;
export type ReportFormat = keyof typeof REPORT_FORMATS;
export { renderText };
