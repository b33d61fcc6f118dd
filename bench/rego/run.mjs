// bench/rego: evaluation time of a dozen-rule SBOM policy over generated CycloneDX SBOMs, and its growth.
// Usage: npm run bench:rego [-- --runs 5 --sizes 5000,10000,20000,50000 --json out.json]
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Policy, parseJson } from '@chainwarden/rego';
import { generateSbom } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('runs', '5'));
const sizes = opt('sizes', '5000,10000,20000,50000').split(',').map(Number);
const policyText = readFileSync(join(here, 'policy.rego'), 'utf8');
const data = { banned: ['pkg-13', 'pkg-4242', 'event-stream'] };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const rows = [];
for (const n of sizes) {
  const text = JSON.stringify(generateSbom(n));
  const evals = [];
  const totals = [];
  const parses = [];
  let denies = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const input = parseJson(text);
    const t1 = performance.now();
    const policy = Policy.compile({ modules: [{ file: 'policy.rego', text: policyText }], data });
    const q = policy.prepare('data.bench.sbom.deny');
    const t2 = performance.now();
    const res = q.eval({ input });
    const t3 = performance.now();
    denies = res[0]?.expressions[0]?.value.size ?? 0;
    evals.push(t3 - t2);
    totals.push(t3 - t0);
    parses.push(t1 - t0);
  }
  rows.push({ components: n, inputParseMs: median(parses), evalMs: median(evals), parseCompileEvalMs: median(totals), denies, inputBytes: text.length });
}

// a small policy: per-evaluation time with a prepared query
const small = Policy.compile({ modules: [{ file: 'small.rego', text: 'package small\ndefault allow := false\nallow if { input.user == "alice"; input.action in {"read", "list"} }\n' }] });
const sq = small.prepare('data.small.allow');
const inputs = [{ user: 'alice', action: 'read' }, { user: 'bob', action: 'write' }];
for (let i = 0; i < 2000; i++) sq.eval({ input: inputs[i % 2] });
const N = 20000;
const s0 = performance.now();
for (let i = 0; i < N; i++) sq.eval({ input: inputs[i % 2] });
const smallMs = (performance.now() - s0) / N;

const base = rows[0];
console.log(`bench/rego: ${runs} runs per size, medians (node ${process.version})`);
console.log('components  input MB  JSON parse  eval after prepare  parse+compile+eval  eval per 1k  denies');
for (const r of rows) {
  console.log(`${String(r.components).padStart(10)}  ${(r.inputBytes / 1e6).toFixed(1).padStart(8)}  ${ms(r.inputParseMs).padStart(10)}  ${ms(r.evalMs).padStart(18)}  ${ms(r.parseCompileEvalMs).padStart(18)}  ${ms((r.evalMs / r.components) * 1000).padStart(11)}  ${String(r.denies).padStart(6)}`);
}
console.log(`small policy: ${(smallMs * 1000).toFixed(1)} µs per evaluation`);
const at = (n) => rows.find((r) => r.components === n);
const budgets = [
  ['eval after prepare, 5,000 components', at(5000)?.evalMs, 250],
  ['parse + compile + eval, 5,000 components', at(5000)?.parseCompileEvalMs, 500],
  ['eval, 50,000 components', at(50000)?.evalMs, 2500],
  ['small policy, per evaluation', smallMs, 0.5],
];
console.log('\nbudget                                     measured     budget  ok');
const fmt = (v) => (v < 1 ? `${(v * 1000).toFixed(1)} µs` : ms(v));
for (const [name, v, b] of budgets) if (v !== undefined) console.log(`${name.padEnd(42)} ${fmt(v).padStart(10)} ${fmt(b).padStart(10)}  ${v <= b ? 'yes' : 'NO'}`);
if (base && rows.length > 1) {
  const last = rows[rows.length - 1];
  console.log(`growth: ${(last.components / base.components).toFixed(0)}x components -> ${(last.evalMs / base.evalMs).toFixed(1)}x eval time`);
}
const jsonOut = opt('json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ runs, rows, smallPolicyMs: smallMs }, null, 2));
