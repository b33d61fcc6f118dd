/**
 * What the TechDocs pages are built from: the run report (dist/supply-chain-report.json) and the files it names,
 * the registry's versions of the product, the evidence store's index, and the backlog and risk register exports.
 * Every source is optional except the report; a page says what is missing rather than inventing it.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sha256Hex } from '../../core/digest.js';
import type { RunReport } from '../../pipeline/report/run-report.js';

export interface EvidenceFile {
  readonly file: string;
  readonly stage: string;
  readonly sha256: string;
  readonly size: number;
}

export interface RegistryVersion {
  readonly version: string;
  readonly ingestedAt: string;
  readonly sha256: string;
  readonly signature: string;
  readonly components: number;
}

export interface StoreIndex {
  /** The index files found, relative to the project. */
  readonly files: readonly string[];
  /** Their entries, flattened: whatever the index records about each artefact. */
  readonly entries: readonly Readonly<Record<string, unknown>>[];
}

export interface ExportFile {
  readonly file: string;
  readonly content: string;
}

export interface TechdocsInputs {
  readonly report: RunReport;
  /** The files the run's stages wrote that still exist, with their digests, sorted by path (the report files themselves change with every run and are not evidence). */
  readonly evidence: readonly EvidenceFile[];
  /** Null when there is no registry (or no version of the product in it). */
  readonly registry: { readonly product: string; readonly versions: readonly RegistryVersion[] } | null;
  readonly registryNote?: string;
  /** Null when the store directory does not exist. */
  readonly store: StoreIndex | null;
  readonly storeDir: string;
  readonly backlog: readonly ExportFile[];
  readonly risk: readonly ExportFile[];
}

const posix = (p: string): string => p.split('\\').join('/');

async function evidenceOf(projectDir: string, report: RunReport): Promise<EvidenceFile[]> {
  const seen = new Map<string, string>();
  // TechDocs pages are views of the evidence, not evidence.
  for (const s of report.stages) if (s.stage !== 'techdocs') for (const f of s.files ?? []) if (!seen.has(f)) seen.set(f, s.stage);
  const out: EvidenceFile[] = [];
  for (const [file, stage] of seen) {
    const abs = join(projectDir, file);
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    const bytes = await readFile(abs);
    out.push({ file, stage, sha256: sha256Hex(bytes), size: bytes.length });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The evidence store's release indexes (src/store), read through the store itself so a hostile index is refused the
 * same way `chainwarden store` refuses it. Entries are flattened with their release id.
 */
async function storeOf(projectDir: string, storeDir: string, env: NodeJS.ProcessEnv): Promise<StoreIndex | null> {
  if (!existsSync(join(projectDir, storeDir))) return null;
  const { openStore } = await import('../../store/open-store.js');
  const store = openStore({ projectDir, path: storeDir, env });
  const files: string[] = [];
  const entries: Record<string, unknown>[] = [];
  for (const { index, key } of await store.readAll()) {
    files.push(posix(relative(projectDir, join(projectDir, storeDir, key))));
    for (const e of index.entries) {
      entries.push({ release: index.release, name: e.name, kind: e.kind, digest: e.digest, size: e.size, created: e.created, expires: e.expires, ...(e.hold !== undefined ? { hold: e.hold.reason } : {}) });
    }
  }
  return { files, entries };
}

async function registryOf(projectDir: string, env: NodeJS.ProcessEnv, databaseUrl: string | undefined, product: string): Promise<{ value: TechdocsInputs['registry']; note?: string }> {
  const [{ registryUrl }, { isPostgresUrl, openRegistry }, { listVersions }] = await Promise.all([import('../../registry/location.js'), import('../../registry/database.js'), import('../../registry/queries.js')]);
  const url = registryUrl({ projectDir, env, ...(databaseUrl !== undefined ? { config: databaseUrl } : {}) });
  if (!isPostgresUrl(url) && !existsSync(url)) return { value: null, note: 'no registry yet' };
  const registry = await openRegistry({ url, migrate: false });
  try {
    const versions = await listVersions(registry, product);
    return { value: { product, versions: versions.map((v) => ({ version: v.version, ingestedAt: v.ingestedAt, sha256: v.sha256, signature: v.signature, components: v.components })) } };
  } catch (error) {
    return { value: null, note: error instanceof Error ? error.message : String(error) };
  } finally {
    await registry.close();
  }
}

/** The backlog/risk exports: the files the backlog/risk stages reported, else the conventional names under dist/. */
async function exportsOf(projectDir: string, report: RunReport, stage: string, fallbacks: readonly string[]): Promise<ExportFile[]> {
  const named = report.stages.find((s) => s.stage === stage)?.files ?? [];
  const files = named.length > 0 ? named : fallbacks;
  const out: ExportFile[] = [];
  for (const file of files) {
    const abs = join(projectDir, file);
    if (existsSync(abs) && statSync(abs).isFile()) out.push({ file, content: await readFile(abs, 'utf8') });
  }
  return out;
}

export interface LoadInputsOptions {
  readonly projectDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly report: RunReport;
  readonly storeDir?: string;
  readonly databaseUrl?: string;
  /** The product name in the registry (default: the SBOM's project name). */
  readonly product?: string;
}

export const DEFAULT_STORE_DIR = 'data/artifacts/supply-chain';

export async function loadTechdocsInputs(options: LoadInputsOptions): Promise<TechdocsInputs> {
  const { projectDir, report } = options;
  const storeDir = options.storeDir ?? DEFAULT_STORE_DIR;
  const sbomProject = (report.stages.find((s) => s.stage === 'sbom')?.summary as { project?: { name?: string } } | undefined)?.project?.name;
  const product = options.product ?? sbomProject;
  const registry = product === undefined ? { value: null, note: 'no SBOM in the run report' } : await registryOf(projectDir, options.env, options.databaseUrl, product);
  return {
    report,
    evidence: await evidenceOf(projectDir, report),
    registry: registry.value,
    ...(registry.note !== undefined ? { registryNote: registry.note } : {}),
    store: await storeOf(projectDir, storeDir, options.env),
    storeDir,
    backlog: await exportsOf(projectDir, report, 'backlog', ['dist/backlog.md', 'dist/backlog.json', 'dist/backlog/backlog.md', 'dist/backlog/backlog.json']),
    risk: await exportsOf(projectDir, report, 'risk', ['dist/risk-register.md', 'dist/risk-register.json', 'dist/risk/risk-register.md', 'dist/risk/risk-register.json']),
  };
}
