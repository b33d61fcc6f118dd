/**
 * `npm run conformance:opa [-- <dir-substring>... [--verbose] [--update]]`: runs OPA's v1 conformance cases,
 * prints a per-directory table and `N passed, N failed`. `--update` rewrites test/opa-passing.txt (full runs only).
 */
import { writeFileSync } from 'node:fs';
import { OPA_PASSING_FILE, readPassing } from './conformance/passing.js';
import { runSuite, table } from './conformance/suite.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const update = args.includes('--update');
const filters = args.filter((a) => !a.startsWith('--'));
const r = runSuite(filters);
if (verbose) for (const { c, detail } of r.failures) console.log(`FAIL ${c.id} (${c.file})\n   ${detail}`);
const committed = readPassing();
const regressions = [...committed].filter((id) => !r.passed.has(id) && (filters.length === 0 || filters.some((f) => id.split('/')[0]?.includes(f))));
for (const id of regressions) console.log(`REGRESSION ${id}`);
if (update) {
  if (filters.length > 0) {
    console.error('--update needs a full run (no directory filters)');
    process.exit(2);
  }
  writeFileSync(OPA_PASSING_FILE, [...r.passed].sort().join('\n') + '\n');
  console.log(`wrote ${r.passed.size} ids to ${OPA_PASSING_FILE}`);
}
console.log(table(r));
process.exit(regressions.length > 0 ? 1 : 0);
