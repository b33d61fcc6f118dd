import { resolve } from 'node:path';
import { DEFAULT_ADVISORY_CACHE } from '../../advisories/file-store.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { sourceDateEpoch } from '../../core/clock.js';
import { currentActor } from '../../registry/actor.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';

const SHOWN = 20;

export interface VexImportFlags extends RegistryFlags {
  readonly supplier?: string;
  readonly bundle?: string;
  readonly allowUnsigned?: boolean;
  readonly product?: string;
  readonly trustedRoot?: string;
  readonly json?: boolean;
}

export async function vexImportCommand(doc: string, flags: VexImportFlags, io: CliIo): Promise<number> {
  const { importVex } = await import('../../registry/vex/import-vex.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const r = await importVex(registry, {
      file: resolve(io.cwd, doc),
      display: doc,
      ...(flags.supplier !== undefined ? { supplier: flags.supplier } : {}),
      ...(flags.bundle !== undefined ? { bundle: { file: resolve(io.cwd, flags.bundle), display: flags.bundle } } : {}),
      ...(flags.allowUnsigned === true ? { allowUnsigned: true } : {}),
      ...(flags.product !== undefined ? { product: flags.product } : {}),
      ...(flags.trustedRoot !== undefined ? { trustedRoot: resolve(io.cwd, flags.trustedRoot) } : {}),
      actor: currentActor(io.env),
    });
    if (flags.json === true) {
      printJson(io, r);
      return 0;
    }
    const s = style(io.stdout, io.env);
    const head = r.status === 'imported' ? s.green('imported') : s.yellow('already in the ledger (nothing changed)');
    const lines = [
      `${head} ${r.file}: ${r.format}, id ${r.id}${r.version !== undefined ? ` version ${r.version}` : ''}${r.timestamp !== undefined ? `, ${r.timestamp}` : ''}`,
      `  issuer ${r.issuer ?? '(none stated)'}, ${r.origin}, signature ${r.signature}${r.signer !== undefined ? ` by ${r.signer}` : ''}${r.product !== undefined ? `, for product ${r.product} only` : ''}, sha256 ${r.sha256.slice(0, 16)}…`,
      `  ${r.statements} statement(s): ${r.matched.length} matched, ${r.unmatched.length} unmatched, ${r.skipped.length} skipped`,
    ];
    for (const m of r.matched.slice(0, SHOWN)) lines.push(`  matched ${m.at} ${m.vulnerability} ${m.status}: ${m.products.join(', ')}`);
    if (r.matched.length > SHOWN) lines.push(s.dim(`  … ${r.matched.length - SHOWN} more matched (--json lists all)`));
    for (const u of r.unmatched.slice(0, SHOWN)) lines.push(`  ${s.dim('unmatched')} ${u.at} ${u.vulnerability}: ${u.reason}`);
    if (r.unmatched.length > SHOWN) lines.push(s.dim(`  … ${r.unmatched.length - SHOWN} more unmatched (--json lists all)`));
    for (const k of r.skipped.slice(0, SHOWN)) lines.push(`  ${s.yellow('skipped')} ${k.at}: ${k.reason}`);
    if (r.skipped.length > SHOWN) lines.push(s.dim(`  … ${r.skipped.length - SHOWN} more skipped (--json lists all)`));
    if (r.history.length > 1) lines.push(`  history of ${r.id}: ${r.history.map((h) => `version ${h.version ?? '-'} (${h.timestamp ?? 'no timestamp'}, imported ${h.importedAt})`).join(', ')}`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

export async function vexListCommand(flags: RegistryFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const { listLedger } = await import('../../registry/vex/ledger-store.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const entries = await listLedger(registry);
    if (flags.json === true) {
      printJson(io, entries);
      return 0;
    }
    if (entries.length === 0) {
      io.stdout.write('the VEX ledger is empty (chainwarden vex import <doc>)\n');
      return 0;
    }
    io.stdout.write(
      `${table([
        ['FILE', 'FORMAT', 'ID', 'VERSION', 'ISSUER', 'ORIGIN', 'PRODUCT', 'SIGNATURE', 'STATEMENTS', 'IMPORTED'],
        ...entries.map((e) => [e.file, e.format, e.id, e.version === null ? '-' : String(e.version), e.issuer ?? '-', e.origin, e.product ?? '(any)', `${e.signature}${e.signer !== null ? ` (${e.signer})` : ''}`, String(e.statements), `${e.importedAt} by ${e.importedBy}`]),
      ])}\n`,
    );
    return 0;
  });
}

export interface VexExportFlags extends RegistryFlags {
  readonly product: string;
  readonly format?: 'openvex' | 'cyclonedx';
  readonly output?: string;
}

export async function vexExportCommand(flags: VexExportFlags, io: CliIo): Promise<number> {
  const [{ effectiveVex }, { toOpenVex }, { toCycloneDxVex }, { scanAdvisories }] = await Promise.all([
    import('../../vex/export/effective.js'),
    import('../../vex/export/openvex.js'),
    import('../../vex/export/cyclonedx.js'),
    import('../../advisories/registry-advisories.js'),
  ]);
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const { store } = await scanAdvisories(registry, resolve(projectDir, DEFAULT_ADVISORY_CACHE));
    const effective = await effectiveVex(registry, flags.product, store);
    const epoch = sourceDateEpoch(io.env);
    const text = flags.format === 'cyclonedx' ? toCycloneDxVex(effective, epoch) : toOpenVex(effective, epoch);
    if (flags.output !== undefined) {
      await writeFileAtomic(resolve(io.cwd, flags.output), text);
      io.stderr.write(`vex export: ${effective.statements.length} effective statement(s) of ${effective.product.name}@${effective.product.version} written to ${flags.output}\n`);
    } else io.stdout.write(text);
    return 0;
  });
}
