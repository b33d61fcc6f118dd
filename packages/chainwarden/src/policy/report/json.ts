/** The gate report as JSON (stable key order, sorted lists: two runs give the same bytes). */
import type { GateReport } from '../result.js';

export function renderJson(report: GateReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
