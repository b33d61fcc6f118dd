import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { renderQuality } from './quality-report.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';

type Flags = RegistryFlags & { readonly json?: boolean; readonly version?: string; readonly trustedRoot?: string };

export async function registryProductsCommand(flags: Flags, io: CliIo): Promise<number> {
  const { listProducts } = await import('../../registry/queries.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const rows = await listProducts(registry);
    if (flags.json === true) printJson(io, rows);
    else if (rows.length === 0) io.stdout.write('the registry holds no products yet (chainwarden ingest <sbom> --supplier <name>)\n');
    else io.stdout.write(`${table([['PRODUCT', 'SUPPLIER', 'VERSIONS', 'LATEST', 'INGESTED'], ...rows.map((p) => [p.name, p.supplier ?? '(first party)', String(p.versions), p.latest ?? '-', p.latestIngestedAt ?? '-'])])}\n`);
    return 0;
  });
}

export async function registryVersionsCommand(product: string, flags: Flags, io: CliIo): Promise<number> {
  const { listVersions } = await import('../../registry/queries.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const rows = await listVersions(registry, product);
    if (flags.json === true) printJson(io, rows);
    else
      io.stdout.write(
        `${table([
          ['VERSION', 'PREVIOUS', 'SIGNATURE', 'COMPONENTS', 'QUARANTINED', 'INGESTED', 'BY', 'SHA256'],
          ...rows.map((v) => [v.version, v.previous ?? '-', v.reverify === 'failed' ? `${v.signature} (REVERIFY FAILED)` : v.signature, String(v.components), String(v.quarantined), v.ingestedAt, v.ingestedBy, `${v.sha256.slice(0, 12)}…`]),
        ])}\n`,
      );
    return 0;
  });
}

export async function registryComponentsCommand(product: string, flags: Flags, io: CliIo): Promise<number> {
  const { listComponents } = await import('../../registry/queries.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const result = await listComponents(registry, product, flags.version);
    if (flags.json === true) printJson(io, { product, ...result });
    else io.stdout.write(`${product}@${result.version}: ${result.components.length} component(s)\n${table(result.components.map((c) => [c.group !== null ? `${c.group}/${c.name}` : c.name, c.version ?? '-', c.purl ?? '-']))}\n`);
    return 0;
  });
}

export async function registryShowCommand(product: string, flags: Flags, io: CliIo): Promise<number> {
  const { showVersion } = await import('../../registry/queries.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const d = await showVersion(registry, product, flags.version);
    if (flags.json === true) {
      printJson(io, d);
      return 0;
    }
    const s = style(io.stdout, io.env);
    const signer = d.signer.subject ?? d.signer.key;
    io.stdout.write(
      [
        `${s.bold(`${d.product}@${d.version}`)}${d.previous !== null ? ` (follows ${d.previous})` : ''}`,
        `  supplier   ${d.supplier ?? '(first party)'}`,
        `  document   ${d.format} ${d.specVersion}, ${d.size} bytes, sha256 ${d.sha256}`,
        `  signature  ${d.signature}${signer !== null ? ` by ${signer}${d.signer.issuer !== null ? ` (${d.signer.issuer})` : ''}` : ''}${d.reverify !== null ? `; reverify ${d.reverify === 'ok' ? s.green('ok') : s.red('FAILED')}: ${d.reverifyDetail ?? ''}` : ''}`,
        `  ingested   ${d.ingestedAt} by ${d.ingestedBy}`,
        `  stored     ${d.components} component(s), ${d.dependencies} dependency edge(s), ${d.quarantined} quarantined`,
        renderQuality(d.quality, s),
        ...(d.quarantine.length > 0 ? ['  quarantined:', table(d.quarantine.slice(0, 50).map((q) => [q.bomRef, (q.reasons as { detail: string }[]).map((r) => r.detail).join('; ')]), '    ')] : []),
        ...(d.quarantine.length > 50 ? [`    … ${d.quarantine.length - 50} more (--json lists all)`] : []),
        ...(d.vex.length > 0 ? [`  VEX documents (${d.vex.length}):`, table(d.vex.map((x) => [x.file, x.format, x.id, `${x.statements} statement(s), ${x.matched} matched`, `signature ${x.signature}${x.signer !== null ? ` by ${x.signer}` : ''}`, `sha256 ${x.sha256.slice(0, 16)}…`]), '    ')] : []),
      ].join('\n') + '\n',
    );
    return 0;
  });
}

export async function registryWhereCommand(purl: string, flags: Flags, io: CliIo): Promise<number> {
  const { whereComponent } = await import('../../registry/queries.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const rows = await whereComponent(registry, purl);
    if (flags.json === true) printJson(io, rows);
    else if (rows.length === 0) io.stdout.write(`${purl}: in no product of the registry\n`);
    else io.stdout.write(`${purl}: in ${rows.length} place(s)\n${table([['PRODUCT', 'VERSION', 'SUPPLIER', 'PURL'], ...rows.map((w) => [w.product, w.version, w.supplier ?? '(first party)', w.purl])])}\n`);
    return 0;
  });
}

export async function registryReverifyCommand(flags: Flags, io: CliIo): Promise<number> {
  const { reverifyRegistry } = await import('../../registry/reverify.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const rows = await reverifyRegistry(registry, flags.trustedRoot !== undefined ? resolve(io.cwd, flags.trustedRoot) : undefined);
    const failed = rows.filter((r) => r.status === 'failed').length;
    if (flags.json === true) printJson(io, { checked: rows.length, failed, versions: rows });
    else {
      const s = style(io.stdout, io.env);
      io.stdout.write(`reverified ${rows.length} signed version(s) against today's trust policies: ${failed === 0 ? s.green('all verify') : s.red(`${failed} FAILED`)}\n`);
      if (rows.length > 0) io.stdout.write(`${table(rows.map((r) => [`${r.product}@${r.version}`, r.supplier, r.status === 'ok' ? s.green('ok') : s.red('FAILED'), r.detail]))}\n`);
    }
    return failed === 0 ? 0 : 1;
  });
}

export interface AuditFlags extends Flags {
  readonly key?: string;
  readonly keyless?: boolean;
  readonly identityToken?: string;
  readonly fulcioUrl?: string;
  readonly rekorUrl?: string;
  readonly tsaUrl?: string;
  readonly certificateIdentity?: string;
  readonly certificateIdentityRegexp?: string;
  readonly certificateOidcIssuer?: string;
  readonly certificateOidcIssuerRegexp?: string;
}

export async function registryAuditVerifyCommand(flags: AuditFlags, io: CliIo): Promise<number> {
  const { verifyAudit } = await import('../../registry/audit-seal.js');
  const identity: Record<string, string> = {};
  for (const [k, v] of [
    ['subject', flags.certificateIdentity],
    ['subjectRegexp', flags.certificateIdentityRegexp],
    ['issuer', flags.certificateOidcIssuer],
    ['issuerRegexp', flags.certificateOidcIssuerRegexp],
  ] as const)
    if (v !== undefined) identity[k] = v;
  if (flags.key !== undefined && Object.keys(identity).length > 0) throw new UsageError('--key and --certificate-* exclude each other');
  return withRegistry(flags, io, async ({ registry }) => {
    const result = await verifyAudit(registry, {
      ...(flags.key !== undefined ? { key: resolve(io.cwd, flags.key) } : {}),
      ...(Object.keys(identity).length > 0 ? { identity: identity } : {}),
      ...(flags.trustedRoot !== undefined ? { trustedRoot: resolve(io.cwd, flags.trustedRoot) } : {}),
    });
    if (flags.json === true) printJson(io, result);
    else {
      const s = style(io.stdout, io.env);
      if (result.broken === undefined) io.stdout.write(`audit log: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}${result.head !== undefined ? `, head ${result.head.seq} ${result.head.hash.slice(0, 16)}…` : ''}\n`);
      else io.stdout.write(`audit log: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'} verified before the break\n`);
      io.stdout.write(result.broken === undefined ? `  chain ${s.green('intact')}\n` : `  chain ${s.red('BROKEN')} at entry ${result.broken.seq}: ${result.broken.reason}\n`);
      for (const seal of result.seals) io.stdout.write(`  seal at entry ${seal.seq} (${seal.sealedAt}): ${seal.status === 'ok' ? s.green('ok') : seal.status === 'failed' ? s.red('FAILED') : s.yellow('unchecked')} ${seal.detail}\n`);
      if (result.seals.length === 0) io.stdout.write('  no seals (chainwarden registry audit seal --key <private.pem>)\n');
    }
    return result.ok ? 0 : 1;
  });
}

export async function registryAuditSealCommand(flags: AuditFlags, io: CliIo): Promise<number> {
  const [{ sealAudit }, { signerOptionsFrom }] = await Promise.all([import('../../registry/audit-seal.js'), import('../../attest/signer-config.js')]);
  return withRegistry(flags, io, async ({ registry, config, projectDir }) => {
    const signer = signerOptionsFrom(
      config.sign,
      projectDir,
      {
        ...(flags.key !== undefined ? { key: resolve(io.cwd, flags.key) } : {}),
        ...(flags.keyless !== undefined ? { keyless: flags.keyless } : {}),
        ...(flags.identityToken !== undefined ? { identityToken: flags.identityToken } : {}),
        ...(flags.fulcioUrl !== undefined ? { fulcioUrl: flags.fulcioUrl } : {}),
        ...(flags.rekorUrl !== undefined ? { rekorUrl: flags.rekorUrl } : {}),
        ...(flags.tsaUrl !== undefined ? { tsaUrl: flags.tsaUrl } : {}),
      },
      io.cwd,
      io.env,
    );
    if (signer.key === undefined && signer.keyless !== true) throw new UsageError('registry audit seal: sign with --key <private.pem> or --keyless (or set sign.key in chainwarden.yaml)');
    const seal = await sealAudit(registry, signer);
    if (flags.json === true) printJson(io, seal);
    else io.stdout.write(`sealed the audit log at entry ${seal.seq} (head ${seal.headHash.slice(0, 16)}…)\n`);
    return 0;
  });
}
