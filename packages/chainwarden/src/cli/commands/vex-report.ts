/** Renders the VEX part of an ingest report: per document, its statements matched, not matched (why) and skipped (why). */
import type { VexIngestReport } from '../../registry/vex/store-vex.js';
import type { Style } from '../io.js';

const SHOWN = 20;

export function renderVexReport(v: VexIngestReport, s: Style): string {
  const head = v.status === 'stored' ? s.green('stored') : s.yellow(`already stored${v.linkedTo !== undefined ? ` (with ${v.linkedTo})` : ''}`);
  const lines = [
    `  VEX ${v.file}: ${head}, ${v.format}, id ${v.id}, signature ${v.signature}, sha256 ${v.sha256.slice(0, 16)}…`,
    `    ${v.statements} statement(s): ${v.matched} name components of this SBOM, ${v.unmatched.length} do not, ${v.skipped.length} skipped`,
  ];
  for (const u of v.unmatched.slice(0, SHOWN)) lines.push(`    not matched ${u.at} ${u.vulnerability}: ${u.reason}`);
  if (v.unmatched.length > SHOWN) lines.push(`    … ${v.unmatched.length - SHOWN} more not matched (--json lists all)`);
  for (const k of v.skipped.slice(0, SHOWN)) lines.push(`    skipped ${k.at}: ${k.reason}`);
  if (v.skipped.length > SHOWN) lines.push(`    … ${v.skipped.length - SHOWN} more skipped (--json lists all)`);
  return lines.join('\n');
}
