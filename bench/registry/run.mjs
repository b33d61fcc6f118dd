#!/usr/bin/env node
// bench/registry: ingest and `registry where` on SQLite and PostgreSQL, against the budgets.
//   node bench/registry/run.mjs [--backend sqlite|postgres|both] [--rows 1000000] [--pg postgres://…] [--shared DIR]
// Needs the build (packages/chainwarden/dist), ../shared (the theia lockfile) and, for PostgreSQL, a server
// (default postgres://postgres@127.0.0.1:5432/test; the bench creates and drops its own schema).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '1000000' },
    pg: { type: 'string', default: process.env.CHAINWARDEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test' },
    shared: { type: 'string', default: resolve(repo, '../shared') },
  },
});
const cw = await import(join(repo, 'packages/chainwarden/dist/src/index.js'));
const pg = (await import('pg')).default;
const ROWS = Number(values.rows);
const BUDGET = { ingest2637: 2000, ingest10k: 5000, where: 50 };

const work = mkdtempSync(join(tmpdir(), 'cw-bench-registry-'));
const theia = await cw.generateSbom({ projectDir: join(values.shared, 'corpus/lockfiles/npm/theia-monorepo-large'), env: { SOURCE_DATE_EPOCH: '1700000000' } });
const theiaFile = join(work, 'theia.cdx.json');
writeFileSync(theiaFile, theia.content);

/** A synthetic CycloneDX 1.6 SBOM: n npm components in a chain of dependencies. */
function synthetic(n, tag) {
  const components = Array.from({ length: n }, (_, i) => ({ type: 'library', 'bom-ref': `c${i}`, name: `pkg-${tag}-${i}`, version: `1.${i % 100}.${i % 7}`, purl: `pkg:npm/pkg-${tag}-${i}@1.${i % 100}.${i % 7}` }));
  const dependencies = [{ ref: 'root', dependsOn: components.slice(0, 50).map((c) => c['bom-ref']) }, ...components.map((c, i) => ({ ref: c['bom-ref'], dependsOn: i + 1 < n ? [`c${i + 1}`] : [] }))];
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, metadata: { timestamp: '2025-01-01T00:00:00Z', component: { type: 'application', 'bom-ref': 'root', name: `synthetic-${tag}`, version: '1.0.0' } }, components, dependencies });
}
const tenK = join(work, 'synthetic-10000.cdx.json');
writeFileSync(tenK, synthetic(10_000, 'a'));
const s2637 = join(work, 'synthetic-2637.cdx.json');
writeFileSync(s2637, synthetic(2637, 'b'));
let firstInProcess = true;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn) {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

async function backend(name) {
  let url;
  let cleanup = async () => {};
  if (name === 'sqlite') url = join(work, 'registry.sqlite');
  else {
    const schema = `cw_bench_${process.pid}`;
    url = `${values.pg}${values.pg.includes('?') ? '&' : '?'}schema=${schema}`;
    cleanup = async () => {
      const client = new pg.Client({ connectionString: values.pg });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    };
  }
  const registry = await cw.openRegistry({ url });
  const out = { backend: name };
  try {
    // Cold: the first ingest in the process compiles the CycloneDX schema too (as a CLI run does).
    const cold = await timed(() => cw.ingestSbom(registry, { file: theiaFile, display: 'theia', product: 'theia-cold', actor: 'bench' }));
    out.ingest2637Cold = cold.ms;
    out.coldIsFirst = firstInProcess;
    firstInProcess = false;
    const syn = await timed(() => cw.ingestSbom(registry, { file: s2637, display: '2637', actor: 'bench' }));
    out.ingestSyn2637 = syn.ms;
    out.componentsSyn2637 = syn.result.quality.components.kept;
    writeFileSync(join(work, 'theia-2.cdx.json'), theia.content.replace('"version": 1', '"version": 2'));
    const warm = await timed(() => cw.ingestSbom(registry, { file: join(work, 'theia-2.cdx.json'), display: 'theia', product: 'theia-warm', actor: 'bench' }));
    out.ingest2637 = warm.ms;
    out.components2637 = warm.result.quality.components.kept;
    const ten = await timed(() => cw.ingestSbom(registry, { file: tenK, display: '10k', actor: 'bench' }));
    out.ingest10k = ten.ms;
    out.components10k = ten.result.quality.components.kept;

    // Fill to ROWS component rows: versions of a synthetic product, inserted directly (the ingest path is measured above).
    const have = Number((await registry.db.selectFrom('components').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const fill = await timed(async () => {
      const perVersion = 10_000;
      const { id: productId } = await registry.db.insertInto('products').values({ name: 'filler', supplier_id: null, created_at: '2025-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
      for (let v = 0, left = ROWS - have; left > 0; v++, left -= perVersion) {
        const n = Math.min(perVersion, left);
        await registry.transaction(async (tx) => {
          const sha = createHash('sha256').update(`filler-${v}`).digest('hex');
          await tx.insertInto('documents').values({ sha256: sha, content: Buffer.from('x'), size: 1, format: 'cyclonedx-json', spec_version: '1.6' }).execute();
          const { id } = await tx
            .insertInto('versions')
            .values({ product_id: productId, version: `v${v}`, document_sha256: sha, previous_version_id: null, ingested_at: '2025-01-01T00:00:00Z', ingested_by: 'bench', signature: 'first-party', verification: null, bundle: null, signer_issuer: null, signer_subject: null, signer_repository: null, signer_key: null, quality: '{}', component_count: n, quarantined_count: 0, reverify_status: null, reverify_detail: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (let i = 0; i < n; i += 1000) {
            const rows = Array.from({ length: Math.min(1000, n - i) }, (_, j) => {
              const k = (i + j) % 50_000;
              return { version_id: id, bom_ref: `r${i + j}`, type: 'library', name: `fill-${k}`, group_name: null, version: `${v}.0.0`, purl: `pkg:npm/fill-${k}@${v}.0.0`, purl_base: `pkg:npm/fill-${k}`, licenses: null };
            });
            await tx.insertInto('components').values(rows).execute();
          }
        });
      }
      if (name === 'postgres') await (await import('kysely')).sql`ANALYZE components`.execute(registry.db);
      else await (await import('kysely')).sql`ANALYZE`.execute(registry.db);
    });
    out.fillMs = fill.ms;
    out.rows = Number((await registry.db.selectFrom('components').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const queries = { any: 'pkg:npm/fill-123', exact: 'pkg:npm/fill-123@7.0.0', theia: 'pkg:npm/react' };
    for (const [k, purl] of Object.entries(queries)) {
      const times = [];
      let hits = 0;
      for (let i = 0; i < 21; i++) {
        const t = await timed(() => cw.whereComponent(registry, purl));
        times.push(t.ms);
        hits = t.result.length;
      }
      out[`where_${k}`] = median(times);
      out[`where_${k}_hits`] = hits;
    }
  } finally {
    await registry.close();
    await cleanup();
  }
  return out;
}

const backends = values.backend === 'both' ? ['sqlite', 'postgres'] : [values.backend];
const results = [];
for (const b of backends) results.push(await backend(b));
rmSync(work, { recursive: true, force: true });

const f = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const verdict = (ms, budget) => (ms <= budget ? 'ok' : 'OVER');
console.log(`bench/registry (node ${process.version}; ${ROWS.toLocaleString('en')} component rows for where)`);
for (const r of results) {
  console.log(`\n${r.backend}`);
  console.log(`  ingest chainwarden's theia SBOM (${r.components2637} components)${r.coldIsFirst ? ', first in the process (compiles the schema)' : ''}: ${f(r.ingest2637Cold)}   budget ${BUDGET.ingest2637} ms  ${verdict(r.ingest2637Cold, BUDGET.ingest2637)}`);
  console.log(`  ingest chainwarden's theia SBOM again (new bytes), warm: ${f(r.ingest2637)}`);
  console.log(`  ingest synthetic (${r.componentsSyn2637} components): ${f(r.ingestSyn2637)}   budget ${BUDGET.ingest2637} ms  ${verdict(r.ingestSyn2637, BUDGET.ingest2637)}`);
  console.log(`  ingest synthetic (${r.components10k} components):                    ${f(r.ingest10k)}   budget ${BUDGET.ingest10k} ms  ${verdict(r.ingest10k, BUDGET.ingest10k)}`);
  console.log(`  fill to ${r.rows.toLocaleString('en')} component rows:                     ${f(r.fillMs)}`);
  console.log(`  where pkg:npm/fill-123 (any version, ${r.where_any_hits} hits):       ${f(r.where_any)} median of 21   budget ${BUDGET.where} ms  ${verdict(r.where_any, BUDGET.where)}`);
  console.log(`  where pkg:npm/fill-123@7.0.0 (${r.where_exact_hits} hit):               ${f(r.where_exact)} median of 21   budget ${BUDGET.where} ms  ${verdict(r.where_exact, BUDGET.where)}`);
  console.log(`  where pkg:npm/react (${r.where_theia_hits} hits):                      ${f(r.where_theia)} median of 21`);
}
const over = results.some((r) => r.ingest2637Cold > BUDGET.ingest2637 || r.ingestSyn2637 > BUDGET.ingest2637 || r.ingest10k > BUDGET.ingest10k || r.where_any > BUDGET.where || r.where_exact > BUDGET.where);
process.exitCode = over ? 1 : 0;
