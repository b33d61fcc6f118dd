import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { currentActor } from '../../registry/actor.js';
import type { CliIo } from '../io.js';
import { style } from '../io.js';
import { renderQuality } from './quality-report.js';
import { renderVexReport } from './vex-report.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';

export interface IngestFlags extends RegistryFlags {
  readonly supplier?: string;
  readonly bundle?: string;
  readonly allowUnsigned?: boolean;
  readonly vex?: readonly string[];
  readonly vexBundle?: readonly string[];
  readonly product?: string;
  readonly version?: string;
  readonly trustedRoot?: string;
  readonly json?: boolean;
}

export async function ingestCommand(file: string, flags: IngestFlags, io: CliIo): Promise<number> {
  const { ingestSbom } = await import('../../registry/ingest/ingest.js');
  const vex = flags.vex ?? [];
  const vexBundles = flags.vexBundle ?? [];
  if (vexBundles.length > vex.length) throw new UsageError(`--vex-bundle given ${vexBundles.length} time(s) but --vex only ${vex.length}: one bundle per VEX document, in the same order`);
  return withRegistry(flags, io, async ({ registry }) => {
    const result = await ingestSbom(registry, {
      file: resolve(io.cwd, file),
      display: file,
      ...(flags.supplier !== undefined ? { supplier: flags.supplier } : {}),
      ...(flags.bundle !== undefined ? { bundle: { file: resolve(io.cwd, flags.bundle), display: flags.bundle } } : {}),
      ...(flags.allowUnsigned === true ? { allowUnsigned: true } : {}),
      ...(flags.product !== undefined ? { product: flags.product } : {}),
      ...(flags.version !== undefined ? { version: flags.version } : {}),
      ...(flags.trustedRoot !== undefined ? { trustedRoot: resolve(io.cwd, flags.trustedRoot) } : {}),
      ...(vex.length > 0
        ? {
            vex: vex.map((v, i) => {
              const b = vexBundles[i];
              return { file: resolve(io.cwd, v), display: v, ...(b !== undefined ? { bundle: { file: resolve(io.cwd, b), display: b } } : {}) };
            }),
          }
        : {}),
      actor: currentActor(io.env),
    });
    if (flags.json === true) {
      printJson(io, result);
      return 0;
    }
    const s = style(io.stdout, io.env);
    const head = result.status === 'already-ingested' ? s.yellow('already ingested') : s.green('ingested');
    io.stdout.write(`${head} ${result.product}@${result.version} (sha256 ${result.sha256.slice(0, 16)}…)\n`);
    io.stdout.write(`  supplier ${result.supplier ?? '(first party)'}, signature ${result.signature}`);
    if (result.signer !== undefined) io.stdout.write(` by ${result.signer.subject ?? result.signer.key ?? ''}${result.signer.issuer !== undefined ? ` (${result.signer.issuer})` : ''}`);
    io.stdout.write(`\n  ingested ${result.ingestedAt}${result.previousVersion !== undefined ? `, follows ${result.previousVersion}` : ''}\n`);
    io.stdout.write(`${renderQuality(result.quality, s)}\n`);
    for (const v of result.vex ?? []) io.stdout.write(`${renderVexReport(v, s)}\n`);
    return 0;
  });
}
