// bench/checksums: `chainwarden checksums` vs GNU coreutils `sha256sum` / `sha512sum`, side by side on one large file.
// Budget (issue 3): chainwarden's sha256 throughput is at least 80% of sha256sum's on a 1 GiB file, in constant memory.
// Usage: node bench/checksums/run.mjs [--size-mib 1024] [--runs 5] [--json out.json]
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, memoryMethod, METHOD_LABELS } from '../sbom/measure.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(REPO, 'packages/chainwarden/bin/chainwarden.js');
const BUDGET_RATIO = 0.8;
const BUDGET_RSS_MB = 150;

function usage(message) {
  process.stderr.write(`bench/checksums: ${message}\nusage: node bench/checksums/run.mjs [--size-mib N] [--runs N] [--json FILE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { sizeMib: 1024, runs: 5, json: undefined };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--size-mib') opts.sizeMib = Number(next());
  else if (a === '--runs') opts.runs = Number(next());
  else if (a === '--json') opts.json = next();
  else usage(`unknown option ${a}`);
}
if (!(opts.sizeMib > 0) || !(opts.runs > 0)) usage('--size-mib and --runs must be positive numbers');
if (!existsSync(join(REPO, 'packages/chainwarden/dist/src/cli/main.js'))) usage('build first: npm run build');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const scratch = mkdtempSync(join(tmpdir(), 'chainwarden-bench-checksums-'));
try {
  const file = join(scratch, 'artefact.bin');
  process.stderr.write(`writing ${opts.sizeMib} MiB of random data to ${file} ...\n`);
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  let left = opts.sizeMib * 1024 * 1024;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    randomFillSync(chunk, 0, n);
    writeSync(fd, chunk, 0, n);
    left -= n;
  }
  closeSync(fd);
  const bytes = opts.sizeMib * 1024 * 1024;
  const method = memoryMethod();
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.CHAINWARDEN_DEBUG;

  const tools = (alg) => ({
    [`${alg}sum`]: { command: `${alg}sum`, args: ['artefact.bin'], digest: (r) => r.stdout.slice(0, alg === 'sha256' ? 64 : 128) },
    chainwarden: {
      command: process.execPath,
      args: [CLI, 'checksums', 'artefact.bin', '--algorithm', alg, '--output', `out-${alg}.txt`],
      digest: () => readFileSync(join(scratch, `out-${alg}.txt`), 'utf8').slice(0, alg === 'sha256' ? 64 : 128),
    },
  });

  // Warm the page cache once so both tools read the same cached file.
  spawnSync('sh', ['-c', 'cat artefact.bin > /dev/null'], { cwd: scratch, stdio: 'ignore' });

  const results = {};
  for (const alg of ['sha256', 'sha512']) {
    const set = tools(alg);
    const names = Object.keys(set);
    const runs = Object.fromEntries(names.map((n) => [n, []]));
    const digests = new Set();
    for (let r = 0; r < opts.runs + 1; r++) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const tool = set[name];
        const m = await measure(tool.command, tool.args, { env, cwd: scratch, method, scratchDir: scratch });
        if (m.exitCode !== 0) throw new Error(`${name} failed (${m.exitCode}): ${m.stderr}`);
        digests.add(tool.digest(m));
        if (r > 0) runs[name].push(m); // the first round is a warm-up
      }
    }
    if (digests.size !== 1) throw new Error(`${alg}: the tools disagree on the digest: ${[...digests].join(' vs ')}`);
    results[alg] = Object.fromEntries(
      names.map((n) => {
        const wall = median(runs[n].map((m) => m.wallMs));
        const rss = runs[n].map((m) => m.peakRssKb).filter((x) => x !== undefined);
        return [n, { medianWallMs: Math.round(wall), mibPerS: Math.round((bytes / 1024 / 1024) / (wall / 1000)), peakRssMb: rss.length ? Math.round(Math.max(...rss) / 102.4) / 10 : null }];
      }),
    );
    results[alg].ratio = Math.round((results[alg][`${alg}sum`].medianWallMs / results[alg].chainwarden.medianWallMs) * 100) / 100;
  }

  const line = (cols) => `| ${cols.join(' | ')} |`;
  const out = [
    `bench/checksums: ${opts.sizeMib} MiB file, ${opts.runs} measured runs per tool (after one warm-up round), medians; node ${process.version}`,
    `peak memory: ${METHOD_LABELS[method]}`,
    '',
    line(['algorithm', 'tool', 'median wall', 'throughput', 'peak RSS']),
    line(['---', '---', '---', '---', '---']),
  ];
  for (const alg of ['sha256', 'sha512']) {
    for (const tool of [`${alg}sum`, 'chainwarden']) {
      const r = results[alg][tool];
      out.push(line([alg, tool, `${r.medianWallMs} ms`, `${r.mibPerS} MiB/s`, r.peakRssMb === null ? 'n/a' : `${r.peakRssMb} MB`]));
    }
  }
  const ratio = results.sha256.ratio;
  const rss = results.sha256.chainwarden.peakRssMb;
  const budgets = [
    { budget: `sha256 throughput >= ${BUDGET_RATIO * 100}% of sha256sum`, value: `${Math.round(ratio * 100)}%`, ok: ratio >= BUDGET_RATIO },
    { budget: `peak RSS < ${BUDGET_RSS_MB} MB on a ${opts.sizeMib} MiB file (constant memory)`, value: rss === null ? 'not measured' : `${rss} MB`, ok: rss === null || rss < BUDGET_RSS_MB },
  ];
  out.push('', `sha512: chainwarden at ${Math.round(results.sha512.ratio * 100)}% of sha512sum's throughput`, '');
  for (const b of budgets) out.push(`${b.ok ? 'ok  ' : 'FAIL'}  ${b.budget}: ${b.value}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (opts.json !== undefined) writeFileSync(resolve(opts.json), `${JSON.stringify({ sizeMib: opts.sizeMib, runs: opts.runs, node: process.version, memoryMethod: method, results, budgets }, null, 2)}\n`);
  process.exitCode = budgets.every((b) => b.ok) ? 0 : 1;
} catch (error) {
  process.stderr.write(`bench/checksums: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 3;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
