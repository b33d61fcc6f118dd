#!/usr/bin/env node
// bench/sbom: `chainwarden sbom` side by side with cdxgen 12.8.4 on the Hotpass uv.lock and the theia package-lock.
// Usage: node bench/sbom/run.mjs [--runs 5] [--warmup 1] [--only hotpass,theia] [--json [file]]
//                                [--cdxgen-no-validate] [--no-breakdown] [--no-netns] [--keep] [--shared DIR]
// Exit codes: 0 every budget met, 1 a budget failed (or a tool failed), 2 bad usage or missing prerequisites,
// 3 internal error. See bench/README.md.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CDXGEN_VERSION, benchEnv, cdxgenArgs, ensureCdxgen } from './cdxgen.mjs';
import { METHOD_LABELS, measure, memoryMethod, offlinePrefix } from './measure.mjs';
import { summarizeCpuProfile } from './profile.mjs';
import { checkBudgets, fmtMb, fmtMs, median, summarize, table } from './report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEFAULT_CW_BIN = join(REPO, 'packages', 'chainwarden', 'bin', 'chainwarden.js');
const CACHE = join(REPO, 'bench', '.cache');

/** The inputs and their budgets (from the issue that asked for this bench). */
const INPUTS = [
  { id: 'hotpass', corpus: 'corpus/lockfiles/python-uv/hotpass', lockfile: 'uv.lock', cdxgenType: 'python', budget: { speedup: 5, memory: 0.5 } },
  { id: 'theia', corpus: 'corpus/lockfiles/npm/theia-monorepo-large', lockfile: 'package-lock.json', cdxgenType: 'js', budget: { speedup: 10, memory: 0.5, wallMs: 1000 } },
];

const HELP = `bench/sbom: chainwarden sbom vs cdxgen ${CDXGEN_VERSION}, wall time and peak memory

Usage: node bench/sbom/run.mjs [options]        (or: npm run bench:sbom -- [options])

Options:
  --runs <n>             measured runs per tool and input, alternating tools (default 5)
  --warmup <n>           unmeasured runs per tool and input first (default 1)
  --only <ids>           comma-separated inputs: ${INPUTS.map((i) => i.id).join(', ')} (default all)
  --json [file]          also write the results as JSON to <file>; without a file, JSON goes to stdout
                         and the tables to stderr
  --cdxgen-no-validate   pass --no-validate to cdxgen (skips its schema validation, which chainwarden does not do)
  --no-breakdown         skip chainwarden's in-process time breakdown
  --profile              also run chainwarden once per input under node --cpu-prof and print where its
                         CPU time goes (Node internals, each npm package, each chainwarden module, GC)
  --no-netns             do not run the tools in an empty network namespace (unshare -n)
  --keep                 keep the temporary directory (inputs and SBOMs) and print its path
  --shared <dir>         the shared data directory (default: ../shared beside the repo)
  --chainwarden <bin>    the chainwarden CLI to run (default: packages/chainwarden/bin/chainwarden.js),
                         e.g. another checkout's build
  -h, --help             this help

Budgets: theia >= 10x faster than cdxgen, hotpass >= 5x, peak memory <= 0.5x cdxgen's on both,
theia chainwarden process < 1000 ms. Exit 0 all met, 1 a budget failed, 2 bad usage, 3 internal error.

Example:
  $ npm run bench:sbom -- --runs 3 --json bench/.cache/sbom.json`;

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { runs: 5, warmup: 1, only: INPUTS.map((i) => i.id), json: undefined, validate: true, breakdown: true, profile: false, netns: true, keep: false, shared: resolve(REPO, '..', 'shared'), cwBin: DEFAULT_CW_BIN, help: false };
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name}: expected an integer >= ${min}, got "${v ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs': o.runs = int('--runs', value(), 1); break;
      case '--warmup': o.warmup = int('--warmup', value(), 0); break;
      case '--only': {
        o.only = String(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = o.only.filter((id) => !INPUTS.some((x) => x.id === id));
        if (o.only.length === 0 || unknown.length > 0) throw new UsageError(`--only: unknown input "${unknown.join(',')}" (inputs: ${INPUTS.map((x) => x.id).join(', ')})`);
        break;
      }
      case '--json':
        if (inline !== undefined) o.json = inline;
        else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('-')) o.json = argv[++i];
        else o.json = '-';
        break;
      case '--cdxgen-no-validate': o.validate = false; break;
      case '--no-breakdown': o.breakdown = false; break;
      case '--profile': o.profile = true; break;
      case '--no-netns': o.netns = false; break;
      case '--keep': o.keep = true; break;
      case '--shared': o.shared = resolve(String(value() ?? '')); break;
      case '--chainwarden': o.cwBin = resolve(String(value() ?? '')); break;
      case '-h': case '--help': o.help = true; break;
      default: throw new UsageError(`unknown option "${argv[i]}" (see --help)`);
    }
  }
  return o;
}

/** Copies a corpus project into the temp dir, writable (the shared corpus is read-only in CI). */
function copyProject(from, to) {
  cpSync(from, to, { recursive: true });
  const makeWritable = (p) => {
    const st = statSync(p);
    chmodSync(p, st.mode | 0o200);
    if (st.isDirectory()) for (const name of readdirSync(p)) makeWritable(join(p, name));
  };
  makeWritable(to);
}

/** Last meaningful stderr line (a tool's error message) or the exit status. */
function failureOf(res, outputOk) {
  const lines = `${res.stderr}\n${res.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const errLine = [...lines].reverse().find((l) => /error|cannot|not supported|unsupported|failed/i.test(l)) ?? lines.at(-1);
  const status = res.signal ? `signal ${res.signal}` : `exit ${res.exitCode}`;
  if (res.exitCode === 0 && !res.signal && !outputOk) return `exit 0 but no SBOM written${errLine ? ` (${errLine})` : ''}`;
  return `${status}${errLine ? `: ${errLine.slice(0, 200)}` : ''}`;
}

function readSbomCounts(path) {
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    return { components: doc.components?.length ?? 0, dependencies: doc.dependencies?.length ?? 0, specVersion: doc.specVersion };
  } catch {
    return undefined;
  }
}

async function main(argv) {
  const opts = parseArgs(argv);
  if (opts.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const jsonToStdout = opts.json === '-';
  const out = (s) => (jsonToStdout ? process.stderr : process.stdout).write(`${s}\n`);
  const log = (s) => process.stderr.write(`${s}\n`);

  // Prerequisites.
  const CW_BIN = opts.cwBin;
  const CW_PKG = dirname(dirname(CW_BIN));
  if (!existsSync(CW_BIN)) throw new UsageError(`${CW_BIN}: not found (see --chainwarden)`);
  if (CW_BIN === DEFAULT_CW_BIN && !existsSync(join(CW_PKG, 'dist', 'src', 'cli', 'main.js'))) throw new UsageError('chainwarden is not built: run `npm run build` first');
  const inputs = INPUTS.filter((i) => opts.only.includes(i.id));
  for (const input of inputs) {
    const src = join(opts.shared, input.corpus);
    if (!existsSync(join(src, input.lockfile))) throw new UsageError(`${join(src, input.lockfile)} not found (shared data is expected at ${opts.shared}; see --shared)`);
  }
  mkdirSync(CACHE, { recursive: true });
  const cdxgenBin = ensureCdxgen(CACHE, log);
  const method = memoryMethod();
  const prefix = opts.netns ? offlinePrefix() : null;
  const env = benchEnv(process.env);

  const tmp = mkdtempSync(join(tmpdir(), 'chainwarden-bench-sbom-'));
  const outDir = join(tmp, 'out');
  mkdirSync(outDir);
  const results = [];
  try {
    out(`bench/sbom: chainwarden (${CW_BIN.startsWith(REPO) ? CW_BIN.slice(REPO.length + 1) : CW_BIN}) vs cdxgen ${CDXGEN_VERSION}, Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    out(`runs ${opts.runs} per tool and input (after ${opts.warmup} warm-up), alternating; peak memory: ${METHOD_LABELS[method]}`);
    out(`offline: FETCH_LICENSE=false, --no-install-deps${prefix ? `, both tools in an empty network namespace (${prefix.join(' ')})` : ', no network namespace (flags only)'}; cdxgen schema validation ${opts.validate ? 'on (its default)' : 'off (--no-validate)'}`);
    if (method === 'proc-poll') out('note: /usr/bin/time is missing (Debian: apt-get install time); peak memory is sampled and may read low');
    if (loadavg()[0] > cpus().length * 0.75) out(`note: the machine is busy (load ${loadavg()[0].toFixed(2)} on ${cpus().length} cores): wall times are inflated and noisy; CPU s is steadier`);

    for (const input of inputs) {
      const projectDir = join(tmp, input.id);
      copyProject(join(opts.shared, input.corpus), projectDir);
      const tools = {
        chainwarden: { argv: (o) => [CW_BIN, 'sbom', projectDir, '--output', o] },
        cdxgen: { argv: (o) => cdxgenArgs(cdxgenBin, { cdxgenType: input.cdxgenType, projectDir, output: o, validate: opts.validate }) },
      };
      const runs = { chainwarden: [], cdxgen: [] };
      const counts = {};
      const broken = {};
      const total = opts.warmup + opts.runs;
      for (let i = 0; i < total; i++) {
        const order = i % 2 === 0 ? ['chainwarden', 'cdxgen'] : ['cdxgen', 'chainwarden'];
        for (const tool of order) {
          if (broken[tool]) continue;
          const output = join(outDir, `${input.id}-${tool}.json`);
          rmSync(output, { force: true });
          const res = await measure(process.execPath, tools[tool].argv(output), { env, cwd: REPO, method, scratchDir: tmp, prefix });
          const outputOk = existsSync(output) && statSync(output).size > 0;
          const ok = res.exitCode === 0 && !res.signal && outputOk;
          const warm = i < opts.warmup;
          const run = { ok, warmup: warm, wallMs: res.wallMs, peakRssKb: res.peakRssKb, userS: res.userS, sysS: res.sysS, exitCode: res.exitCode, ...(ok ? {} : { failure: failureOf(res, outputOk) }) };
          if (ok && counts[tool] === undefined) counts[tool] = readSbomCounts(output);
          log(`${input.id.padEnd(8)} ${tool.padEnd(11)} ${warm ? 'warm-up' : `run ${i - opts.warmup + 1}/${opts.runs}`}  ${ok ? `${fmtMs(res.wallMs)} ms, ${fmtMb(res.peakRssKb === undefined ? undefined : res.peakRssKb / 1024)} MB` : `FAILED (${run.failure})`}`);
          if (!ok) {
            // A tool that fails once fails every time on the same input: record it and stop running it.
            broken[tool] = true;
            runs[tool].push({ ...run, warmup: false });
          } else if (!warm) runs[tool].push(run);
        }
      }
      const cw = summarize(runs.chainwarden);
      const cdx = summarize(runs.cdxgen);
      const entry = { id: input.id, lockfile: `${input.corpus}/${input.lockfile}`, cdxgenType: input.cdxgenType, budget: input.budget, tools: { chainwarden: { ...cw, sbom: counts.chainwarden, samples: runs.chainwarden }, cdxgen: { ...cdx, sbom: counts.cdxgen, samples: runs.cdxgen } }, checks: checkBudgets(input, cw, cdx) };
      if (opts.breakdown && cw.ok > 0) {
        entry.breakdown = await breakdown(input, projectDir, { cwBin: CW_BIN, cwPkg: CW_PKG, env, method, prefix, tmp, runs: opts.runs, log });
        entry.breakdown.medians.cliMs = cw.wallMs;
      }
      if (opts.profile && cw.ok > 0) {
        const profDir = join(tmp, `cpu-profile-${input.id}`);
        const res = await measure(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval', '200', CW_BIN, 'sbom', projectDir, '--output', join(outDir, `${input.id}-profiled.json`)], { env, cwd: REPO, method, scratchDir: tmp, prefix });
        entry.cpuProfile = res.exitCode === 0 ? summarizeCpuProfile(profDir) : { error: failureOf(res, true) };
      }
      results.push(entry);
    }
  } finally {
    if (opts.keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  // Report.
  out('');
  out(
    table(
      ['input', 'tool', 'median wall ms', '(min-max)', 'peak RSS MB', 'CPU s', 'ok runs', 'SBOM components'],
      results.flatMap((r) =>
        ['chainwarden', 'cdxgen'].map((tool) => {
          const s = r.tools[tool];
          return [r.id, tool, s.ok > 0 ? fmtMs(s.wallMs) : 'FAILED', s.ok > 0 ? `${fmtMs(s.wallMinMs)}-${fmtMs(s.wallMaxMs)}` : '', fmtMb(s.peakRssMb), s.cpuS === undefined ? '-' : s.cpuS.toFixed(2), `${s.ok}/${s.runs}`, s.sbom ? `${s.sbom.components} (${s.sbom.dependencies} dependency entries)` : '-'];
        }),
      ),
    ),
  );
  for (const r of results) {
    for (const tool of ['chainwarden', 'cdxgen']) {
      if (r.tools[tool].failure) out(`${r.id}: ${tool} FAILED: ${r.tools[tool].failure}`);
    }
  }
  const checks = results.flatMap((r) => r.checks);
  out('');
  out(table(['input', 'budget', 'measured', 'target', 'result'], checks.map((c) => [c.input, c.label, c.shown, c.budget, c.pass ? 'PASS' : 'FAIL'])));
  for (const r of results) {
    const cw = r.tools.chainwarden.cpuS;
    const cdx = r.tools.cdxgen.cpuS;
    r.cpuRatio = cw && cdx ? cdx / cw : undefined;
  }
  const cpuShown = results.filter((r) => r.cpuRatio !== undefined);
  if (cpuShown.length > 0) out(`CPU time (user+sys), cdxgen / chainwarden, informational: ${cpuShown.map((r) => `${r.id} ${r.cpuRatio.toFixed(1)}x`).join(', ')}`);
  const bds = results.filter((r) => r.breakdown);
  if (bds.length > 0) {
    out('');
    out(`chainwarden start-up and in-process breakdown (medians of ${opts.runs} fresh processes each, ms):`);
    const cols = [
      ['node -e 0', 'nodeBareMs'],
      ['--version', 'versionMs'],
      ['sbom CLI', 'cliMs'],
      ['probe process', 'probeWallMs'],
      ['  Node start-up', 'startupMs'],
      ['  import lib', 'importMs'],
      ['  parse', 'parseMs'],
      ['  assemble', 'assembleMs'],
      ['  serialize', 'serializeMs'],
      ['  write', 'writeMs'],
      ['  exit', 'exitMs'],
    ];
    out(table(['phase', ...bds.map((r) => r.id)], cols.map(([label, key]) => [label, ...bds.map((r) => fmtMs(r.breakdown.medians[key]))])));
    out('(node -e 0: bare Node; --version: Node + CLI modules; sbom CLI: the benchmarked process above;');
    out(' probe: the same pipeline through the library API, timed inside the process; exit = probe wall - last timestamp)');
  }
  for (const r of results.filter((x) => x.cpuProfile)) {
    out('');
    if (r.cpuProfile.error) {
      out(`${r.id}: CPU profile failed: ${r.cpuProfile.error}`);
      continue;
    }
    out(`${r.id}: chainwarden sbom under node --cpu-prof (one run, ${fmtMs(r.cpuProfile.spanMs)} ms profiled; self time, ms):`);
    const groups = r.cpuProfile.groups.map(([name, ms]) => [fmtMs(ms), name]);
    const fns = r.cpuProfile.functions.map(([name, ms]) => [fmtMs(ms), name]);
    const rows = Array.from({ length: Math.max(groups.length, fns.length) }, (_, i) => [...(groups[i] ?? ['', '']), ...(fns[i] ?? ['', ''])]);
    out(table(['ms', 'where', 'ms', 'hottest functions'], rows));
  }
  const pass = checks.length > 0 && checks.every((c) => c.pass);
  out('');
  out(pass ? 'all budgets met' : `budgets FAILED: ${checks.filter((c) => !c.pass).map((c) => `${c.input} ${c.name}`).join(', ')}`);

  if (opts.json !== undefined) {
    const doc = {
      bench: 'sbom',
      date: new Date().toISOString(),
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cores: cpus().length, loadavg: loadavg() },
      chainwarden: { command: `node ${opts.cwBin.startsWith(REPO) ? opts.cwBin.slice(REPO.length + 1) : opts.cwBin} sbom <dir> --output <file>` },
      cdxgen: { version: CDXGEN_VERSION, command: `FETCH_LICENSE=false node cdxgen.js -t <type> --no-install-deps --no-recurse${opts.validate ? '' : ' --no-validate'} -o <file> <dir>` },
      memoryMethod: method,
      networkNamespace: prefix ? prefix.join(' ') : null,
      runs: opts.runs,
      warmup: opts.warmup,
      inputs: results,
      pass,
    };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (jsonToStdout) process.stdout.write(text);
    else {
      writeFileSync(resolve(opts.json), text);
      log(`wrote ${resolve(opts.json)}`);
    }
  }
  return pass ? 0 : 1;
}

/** Where chainwarden's time goes: bare Node, Node + CLI, and the pipeline phases timed inside a fresh process. */
async function breakdown(input, projectDir, { cwBin, cwPkg, env, method, prefix, tmp, runs, log }) {
  const samples = { nodeBareMs: [], versionMs: [], probeWallMs: [], startupMs: [], importMs: [], parseMs: [], assembleMs: [], serializeMs: [], writeMs: [], exitMs: [] };
  const rss = { nodeBare: [], version: [], probe: [] };
  const opt = { env, cwd: REPO, method, scratchDir: tmp, prefix };
  let probeError;
  for (let i = 0; i < runs; i++) {
    const bare = await measure(process.execPath, ['-e', '0'], opt);
    samples.nodeBareMs.push(bare.wallMs);
    rss.nodeBare.push(bare.peakRssKb);
    const ver = await measure(process.execPath, [cwBin, '--version'], opt);
    samples.versionMs.push(ver.wallMs);
    rss.version.push(ver.peakRssKb);
    const probe = await measure(process.execPath, [join(HERE, 'probe.mjs'), cwPkg, projectDir, input.lockfile, join(tmp, 'out', `${input.id}-probe.json`)], opt);
    if (probe.exitCode !== 0) {
      probeError = failureOf(probe, true);
      break;
    }
    const phases = JSON.parse(probe.stdout.trim().split('\n').at(-1));
    samples.probeWallMs.push(probe.wallMs);
    rss.probe.push(probe.peakRssKb);
    for (const key of ['startupMs', 'importMs', 'parseMs', 'assembleMs', 'serializeMs', 'writeMs']) samples[key].push(phases[key] ?? undefined);
    samples.exitMs.push(probe.wallMs - phases.untilExitMs);
  }
  if (probeError) log(`${input.id}: breakdown probe failed: ${probeError}`);
  const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const rssMb = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, median(v.map((x) => (x === undefined ? undefined : x / 1024)))]));
  return { medians, peakRssMb: rssMb, ...(probeError ? { probeError } : {}) };
}

const exitCodeOf = (error) => (error instanceof UsageError ? 2 : 3);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench/sbom: ${error instanceof UsageError ? '' : 'internal error: '}${error?.message ?? error}\n`);
    if (!(error instanceof UsageError) && process.env.CHAINWARDEN_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
    process.exitCode = exitCodeOf(error);
  },
);
