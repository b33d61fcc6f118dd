// bench/scan: `chainwarden advisories import` of the three OSV sets in ../shared, then `chainwarden scan` of a
// 5,000-component SBOM against everything imported.
// Budgets (issue 8): import of the 8,158 records ≤ 10 s; the scan ≤ 1 s, memory bounded (peak RSS reported).
// Usage: node bench/scan/run.mjs [--runs 5] [--components 5000] [--shared DIR] [--json out.json]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, memoryMethod, METHOD_LABELS } from '../sbom/measure.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(REPO, 'packages/chainwarden/bin/chainwarden.js');
const DIST = join(REPO, 'packages/chainwarden/dist/src');
const BUDGET_IMPORT_MS = 10_000;
const BUDGET_SCAN_MS = 1_000;

function usage(message) {
  process.stderr.write(`bench/scan: ${message}\nusage: node bench/scan/run.mjs [--runs N] [--components N] [--shared DIR] [--json FILE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { runs: 5, components: 5000, shared: resolve(REPO, '../shared'), json: undefined };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--runs') opts.runs = Number(next());
  else if (a === '--components') opts.components = Number(next());
  else if (a === '--shared') opts.shared = resolve(next());
  else if (a === '--json') opts.json = resolve(next());
  else usage(`unknown argument ${a}`);
}

const PURL_TYPE = { PyPI: 'pypi', 'crates.io': 'cargo', Go: 'golang' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A CycloneDX SBOM of `n` components: every package the advisories name, once (one in ten at a version an advisory
 * lists, the rest at their highest fixed version), then packages no advisory names, up to `n`.
 */
function syntheticSbom(cacheFile, n) {
  const packages = new Map();
  for (const line of readFileSync(cacheFile, 'utf8').split('\n').slice(1)) {
    if (line === '') continue;
    const { record } = JSON.parse(line.slice(line.indexOf('\t') + 1));
    for (const a of record.affected) {
      const type = PURL_TYPE[a.ecosystem];
      if (type === undefined || packages.has(`${type}/${a.name}`)) continue;
      const fixed = a.ranges.flatMap((r) => r.events).map((e) => e.fixed).filter((v) => v !== undefined);
      const listed = a.versions[0];
      packages.set(`${type}/${a.name}`, { type, name: a.name, vulnerable: listed ?? fixed[0] ?? '0.0.1', current: fixed.at(-1) ?? listed ?? '1.0.0' });
    }
  }
  const components = [];
  let i = 0;
  for (const p of packages.values()) {
    if (components.length >= n) break;
    const version = i % 10 === 0 ? p.vulnerable : p.current;
    const name = p.type === 'golang' ? p.name : encodeURIComponent(p.name);
    components.push({ type: 'library', name: p.name, version, purl: `pkg:${p.type}/${name}@${version}`, 'bom-ref': `c${i++}` });
  }
  while (components.length < n) {
    components.push({ type: 'library', name: `unlisted-${i}`, version: '1.0.0', purl: `pkg:npm/unlisted-${i}@1.0.0`, 'bom-ref': `c${i++}` });
  }
  return { bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { type: 'application', name: 'bench', 'bom-ref': 'root' } }, components };
}

const dir = mkdtempSync(join(tmpdir(), 'chainwarden-bench-scan-'));
try {
  const method = memoryMethod();
  const env = { ...process.env, NO_COLOR: '1' };
  const sets = ['pypa', 'rustsec', 'go'].map((s) => join(opts.shared, 'advisories', s));
  const imp = await measure(process.execPath, [CLI, 'advisories', 'import', ...sets, '--json'], { env, cwd: dir, method, scratchDir: dir });
  if (imp.exitCode !== 0) throw new Error(`import failed: ${imp.stderr}`);
  const imported = JSON.parse(imp.stdout);
  const cacheFile = join(dir, 'data/advisories/advisories.ndjson');
  writeFileSync(join(dir, 'sbom.json'), JSON.stringify(syntheticSbom(cacheFile, opts.components)));

  const scans = [];
  let last;
  for (let i = 0; i < opts.runs + 1; i++) {
    const r = await measure(process.execPath, [CLI, 'scan', 'sbom.json', '--format', 'json', '--output', 'scan.json'], { env, cwd: dir, method, scratchDir: dir });
    if (r.exitCode !== 0) throw new Error(`scan failed: ${r.stderr}`);
    if (i > 0) scans.push(r); // the first run warms the page cache
    last = r;
  }
  const report = JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8'));

  // In-process breakdown: loading the advisory cache vs matching.
  const { FileAdvisoryStore } = await import(pathToFileURL(join(DIST, 'advisories/file-store.js')).href);
  const { scanSbom } = await import(pathToFileURL(join(DIST, 'findings/scan.js')).href);
  const t0 = performance.now();
  const store = await FileAdvisoryStore.open(cacheFile);
  const t1 = performance.now();
  await scanSbom({ path: join(dir, 'sbom.json'), shown: 'sbom.json', store });
  const t2 = performance.now();

  const result = {
    import: { records: imported.parsed, rejected: imported.rejected.length, wallMs: Math.round(imp.wallMs), peakRssMb: imp.peakRssKb && Math.round(imp.peakRssKb / 1024), budgetMs: BUDGET_IMPORT_MS },
    scan: {
      components: report.components,
      findings: report.findings.length,
      wallMsMedian: Math.round(median(scans.map((s) => s.wallMs))),
      peakRssMbMax: last.peakRssKb && Math.round(Math.max(...scans.map((s) => s.peakRssKb ?? 0)) / 1024),
      loadCacheMs: Math.round(t1 - t0),
      matchMs: Math.round(t2 - t1),
      budgetMs: BUDGET_SCAN_MS,
    },
    memoryMethod: METHOD_LABELS[method],
  };
  const ok = result.import.wallMs <= BUDGET_IMPORT_MS && result.scan.wallMsMedian <= BUDGET_SCAN_MS;
  process.stdout.write(`bench/scan (${opts.runs} scan runs, memory: ${result.memoryMethod})\n`);
  process.stdout.write(`  import   ${result.import.records} records, ${result.import.rejected} rejected: ${result.import.wallMs} ms (budget ${BUDGET_IMPORT_MS} ms), peak RSS ${result.import.peakRssMb ?? '?'} MiB\n`);
  process.stdout.write(`  scan     ${result.scan.components} components, ${result.scan.findings} findings: median ${result.scan.wallMsMedian} ms (budget ${BUDGET_SCAN_MS} ms), peak RSS ${result.scan.peakRssMbMax ?? '?'} MiB\n`);
  process.stdout.write(`           in-process: load advisory cache ${result.scan.loadCacheMs} ms, read SBOM + match ${result.scan.matchMs} ms\n`);
  process.stdout.write(`  ${ok ? 'within budget' : 'OVER BUDGET'}\n`);
  if (opts.json !== undefined) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
