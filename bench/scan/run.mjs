// bench/scan: `chainwarden advisories import` of the three OSV sets in ../shared, then `chainwarden scan` of a
// 5,000-component SBOM against everything imported, on each advisory store side by side: the advisory cache file
// (the default), the registry database on SQLite, and on PostgreSQL.
// Budgets (issue 8): import of the 8,158 records ≤ 10 s; the scan ≤ 1 s, memory bounded (peak RSS reported) —
// on every store.
// Usage: node bench/scan/run.mjs [--runs 5] [--components 5000] [--shared DIR] [--pg URL | --no-pg] [--json out.json]
import { spawnSync } from 'node:child_process';
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
  process.stderr.write(`bench/scan: ${message}\nusage: node bench/scan/run.mjs [--runs N] [--components N] [--shared DIR] [--pg URL | --no-pg] [--json FILE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { runs: 5, components: 5000, shared: resolve(REPO, '../shared'), json: undefined, pg: process.env.CHAINWARDEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test' };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--runs') opts.runs = Number(next());
  else if (a === '--components') opts.components = Number(next());
  else if (a === '--shared') opts.shared = resolve(next());
  else if (a === '--json') opts.json = resolve(next());
  else if (a === '--pg') opts.pg = next();
  else if (a === '--no-pg') opts.pg = undefined;
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

/** True when PostgreSQL answers at `url` (psql is not needed: the `pg` driver the registry uses is asked). */
function postgresReachable(url) {
  const probe = `const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1] }); c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, url], { cwd: join(REPO, 'packages/chainwarden'), stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function dropSchema(url, schema) {
  const pg = (await import(pathToFileURL(join(REPO, 'node_modules/pg/lib/index.js')).href)).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'chainwarden-bench-scan-'));
const schema = `cw_bench_scan_${process.pid}`;
const stores = [{ name: 'cache file', flags: [] }, { name: 'SQLite', flags: ['--database-url', join(dir, 'registry.sqlite')] }];
if (opts.pg !== undefined) {
  if (postgresReachable(opts.pg)) stores.push({ name: 'PostgreSQL', flags: ['--database-url', `${opts.pg}${opts.pg.includes('?') ? '&' : '?'}schema=${schema}`] });
  else process.stderr.write(`bench/scan: PostgreSQL not reachable at ${opts.pg}; measuring the cache file and SQLite only (--no-pg to silence)\n`);
}
try {
  const method = memoryMethod();
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.CHAINWARDEN_DATABASE_URL;
  const sets = ['pypa', 'rustsec', 'go'].map((s) => join(opts.shared, 'advisories', s));
  for (const store of stores) {
    const r = await measure(process.execPath, [CLI, 'advisories', 'import', ...sets, ...store.flags, '--json'], { env, cwd: dir, method, scratchDir: dir });
    if (r.exitCode !== 0) throw new Error(`import (${store.name}) failed: ${r.stderr}`);
    const imported = JSON.parse(r.stdout);
    store.import = { records: imported.parsed, added: imported.added, rejected: imported.rejected.length, wallMs: Math.round(r.wallMs), cpuS: cpu(r), peakRssMb: mb(r.peakRssKb) };
  }
  const cacheFile = join(dir, 'data/advisories/advisories.ndjson');
  writeFileSync(join(dir, 'sbom.json'), JSON.stringify(syntheticSbom(cacheFile, opts.components)));

  // Runs interleaved (store A, B, C, A, B, C, …) so that load on a shared machine falls on every store alike;
  // the first round warms the page cache and is not counted.
  for (const store of stores) store.scans = [];
  for (let i = 0; i < opts.runs + 1; i++) {
    for (const store of stores) {
      const out = `scan-${stores.indexOf(store)}.json`;
      const r = await measure(process.execPath, [CLI, 'scan', 'sbom.json', '--format', 'json', '--output', out, ...store.flags], { env, cwd: dir, method, scratchDir: dir });
      if (r.exitCode !== 0) throw new Error(`scan (${store.name}) failed: ${r.stderr}`);
      if (i > 0) store.scans.push(r);
    }
  }
  // Every store must find the same: the reports are compared byte for byte.
  const reports = stores.map((_, i) => readFileSync(join(dir, `scan-${i}.json`), 'utf8'));
  const same = reports.every((r) => r === reports[0]);
  const report = JSON.parse(reports[0]);

  // In-process breakdown per store: opening it vs reading the SBOM and matching (scanSbom).
  const { scanSbom } = await import(pathToFileURL(join(DIST, 'findings/scan.js')).href);
  const { openAdvisoryStore } = await import(pathToFileURL(join(DIST, 'advisories/open-store.js')).href);
  for (const store of stores) {
    const t0 = performance.now();
    const opened = await openAdvisoryStore({ projectDir: dir, databaseUrl: store.flags[1], env: {} });
    const t1 = performance.now();
    await scanSbom({ path: join(dir, 'sbom.json'), shown: 'sbom.json', store: opened.store });
    const t2 = performance.now();
    await opened.close();
    store.inProcess = { openMs: Math.round(t1 - t0), matchMs: Math.round(t2 - t1) };
  }

  const base = median(stores[0].scans.map((s) => s.wallMs));
  const result = {
    components: report.components,
    findings: report.findings.length,
    sameFindingsOnEveryStore: same,
    memoryMethod: METHOD_LABELS[method],
    budgets: { importMs: BUDGET_IMPORT_MS, scanMs: BUDGET_SCAN_MS },
    stores: stores.map((s) => {
      const wall = s.scans.map((r) => r.wallMs);
      return {
        store: s.name,
        import: s.import,
        scan: {
          wallMsMedian: Math.round(median(wall)),
          wallMsMin: Math.round(Math.min(...wall)),
          wallMsMax: Math.round(Math.max(...wall)),
          cpuSMedian: median(s.scans.map(cpu)),
          peakRssMbMax: mb(Math.max(...s.scans.map((r) => r.peakRssKb ?? 0))),
          vsCacheFile: Number((median(wall) / base).toFixed(2)),
          ...s.inProcess,
        },
      };
    }),
  };
  const ok = same && result.stores.every((s) => s.import.wallMs <= BUDGET_IMPORT_MS && s.scan.wallMsMedian <= BUDGET_SCAN_MS);
  const w = (s) => process.stdout.write(`${s}\n`);
  w(`bench/scan: ${result.components} components, ${result.findings} findings (${same ? 'identical on every store' : 'STORES DISAGREE'}); ${opts.runs} scan runs per store, interleaved; memory: ${result.memoryMethod}`);
  w('');
  const rows = [['store', 'import ms', 'import CPU s', 'import RSS MB', 'scan median ms', '(min-max)', 'scan CPU s', 'scan RSS MB', 'vs cache file', 'in-process open + match ms']];
  for (const s of result.stores) {
    rows.push([s.store, `${s.import.wallMs}`, s.import.cpuS?.toFixed(2) ?? '?', `${s.import.peakRssMb ?? '?'}`, `${s.scan.wallMsMedian}`, `${s.scan.wallMsMin}-${s.scan.wallMsMax}`, s.scan.cpuSMedian?.toFixed(2) ?? '?', `${s.scan.peakRssMbMax ?? '?'}`, `${s.scan.vsCacheFile.toFixed(2)}x`, `${s.scan.openMs} + ${s.scan.matchMs}`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [n, r] of rows.entries()) {
    w(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
    if (n === 0) w(widths.map((x) => '-'.repeat(x)).join('  '));
  }
  w('');
  for (const s of result.stores) {
    w(`${s.store.padEnd(widths[0])}  import ${s.import.wallMs} ms / budget ${BUDGET_IMPORT_MS} ms = ${(s.import.wallMs / BUDGET_IMPORT_MS).toFixed(2)}; scan ${s.scan.wallMsMedian} ms / budget ${BUDGET_SCAN_MS} ms = ${(s.scan.wallMsMedian / BUDGET_SCAN_MS).toFixed(2)}  ${s.import.wallMs <= BUDGET_IMPORT_MS && s.scan.wallMsMedian <= BUDGET_SCAN_MS ? 'PASS' : 'OVER BUDGET'}`);
  }
  w(ok ? 'within budget' : 'OVER BUDGET');
  if (opts.json !== undefined) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (stores.some((s) => s.name === 'PostgreSQL')) await dropSchema(opts.pg, schema).catch((e) => process.stderr.write(`bench/scan: could not drop schema ${schema}: ${e.message}\n`));
  rmSync(dir, { recursive: true, force: true });
}

function cpu(r) {
  return r.userS !== undefined && r.sysS !== undefined ? Number((r.userS + r.sysS).toFixed(2)) : undefined;
}

function mb(kb) {
  return kb ? Math.round(kb / 1024) : undefined;
}
