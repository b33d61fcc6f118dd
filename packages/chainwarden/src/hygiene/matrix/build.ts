import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { ChainwardenConfig } from '../../config-schema.js';
import { normalizePypiName } from '../../core/purl.js';
import { toPosix } from '../../sbom/read-lockfile.js';
import type { OwnerResolution, OwnersWarning } from '../owners.js';
import { loadOwners } from '../owners.js';
import { depFacts, npmSection } from '../update-tools/dep-facts.js';
import { UPDATE_TOOLS } from '../update-tools/index.js';
import type { ConfigFinding, Coverage, CoverageStatus, UpdateToolConfig } from '../update-tools/update-tool.js';
import type { DirectDependency, Inventory } from './inventory.js';
import { inventoryFromLockfiles } from './inventory-lockfiles.js';
import { inventoryFromSbom } from './inventory-sbom.js';

export interface MatrixOptions {
  readonly projectDir: string;
  readonly config: ChainwardenConfig;
  /** Read the dependencies from this SBOM (CycloneDX JSON) instead of the lockfiles. */
  readonly sbom?: string;
}

/** One row of the dependency matrix. */
export interface MatrixRow extends DirectDependency {
  /** Renovate's name for the manifest section declaring it (`project.dependencies`, `devDependencies`, …). */
  readonly depType?: string;
  readonly owner?: OwnerResolution;
  readonly note?: string;
  /** One entry per configured update tool. */
  readonly updates: readonly Coverage[];
  /** The best status over the configured tools; `none` when no update tool is configured. */
  readonly updateStatus: CoverageStatus | 'none';
}

export interface Matrix {
  readonly project: string;
  readonly rows: readonly MatrixRow[];
  /** Lockfiles (or the SBOM) read. */
  readonly sources: readonly string[];
  /** Update tool configs found, relative to the project. */
  readonly updateTools: readonly { readonly tool: string; readonly file: string }[];
  readonly codeownersFile?: string;
  /** Problems in update tool configs (invalid JSON/YAML, wrong shapes), with file:line. */
  readonly findings: readonly ConfigFinding[];
  readonly ownerWarnings: readonly OwnersWarning[];
  /** Things that limit the answer (presets not resolved offline, unused config files, lockfile notes). */
  readonly notes: readonly string[];
  readonly summary: {
    readonly dependencies: number;
    readonly owned: number;
    readonly covered: number;
    readonly byStatus: Readonly<Record<CoverageStatus | 'none', number>>;
  };
}

const RANK: Readonly<Record<CoverageStatus, number>> = { covered: 3, partial: 2, ignored: 1, 'not-covered': 0 };

/** Builds the dependency matrix: direct dependencies with owner, notes and update-tool coverage. */
export async function buildMatrix(options: MatrixOptions): Promise<Matrix> {
  const projectDir = resolve(options.projectDir);
  const inventory: Inventory =
    options.sbom !== undefined
      ? await inventoryFromSbom(resolve(projectDir, options.sbom), toPosix(relative(projectDir, resolve(projectDir, options.sbom))))
      : await inventoryFromLockfiles({ projectDir, ...(options.config.sbom?.lockfiles !== undefined ? { lockfiles: options.config.sbom.lockfiles } : {}), ...(options.config.sbom?.exclude !== undefined ? { exclude: options.config.sbom.exclude } : {}) });
  const owners = await loadOwners(projectDir, options.config);
  const findings: ConfigFinding[] = [];
  const notes: string[] = [...inventory.warnings];
  const tools: UpdateToolConfig[] = [];
  for (const tool of Object.values(UPDATE_TOOLS)) {
    const loaded = await tool.load(projectDir);
    findings.push(...loaded.findings);
    notes.push(...loaded.notes);
    if (loaded.config !== undefined) tools.push(loaded.config);
  }
  const noteOf = notesLookup(options.config.matrix?.notes ?? {});
  const manifests = new Map<string, unknown>();
  const rows: MatrixRow[] = [];
  for (const dep of inventory.dependencies) {
    const section = dep.ecosystem === 'npm' ? npmSection(await manifestJson(projectDir, dep.manifest, manifests), dep.name) : undefined;
    const facts = depFacts(dep, section);
    const updates = tools.map((t) => t.coverage(dep, facts));
    const owner = owners.ownerOf({ name: dep.name, ecosystem: dep.ecosystem, manifest: dep.manifest, ...(dep.purl !== undefined ? { purl: dep.purl } : {}) });
    const note = noteOf(dep);
    const best = updates.reduce<CoverageStatus | 'none'>((acc, u) => (acc === 'none' || RANK[u.status] > RANK[acc] ? u.status : acc), 'none');
    rows.push({
      ...dep,
      ...(facts.depType !== undefined ? { depType: facts.depType } : {}),
      ...(owner !== undefined ? { owner } : {}),
      ...(note !== undefined ? { note } : {}),
      updates,
      updateStatus: best,
    });
  }
  const byStatus: Record<CoverageStatus | 'none', number> = { covered: 0, partial: 0, ignored: 0, 'not-covered': 0, none: 0 };
  for (const r of rows) byStatus[r.updateStatus]++;
  return {
    project: inventory.project ?? basename(projectDir),
    rows,
    sources: inventory.sources,
    updateTools: tools.map((t) => ({ tool: t.tool, file: t.file })),
    ...(owners.codeownersFile !== undefined ? { codeownersFile: owners.codeownersFile } : {}),
    findings,
    ownerWarnings: owners.warnings,
    notes: [...new Set(notes)],
    summary: { dependencies: rows.length, owned: rows.filter((r) => r.owner !== undefined).length, covered: byStatus.covered, byStatus },
  };
}

async function manifestJson(projectDir: string, manifest: string, cache: Map<string, unknown>): Promise<unknown> {
  if (!cache.has(manifest)) {
    const text = await readFile(join(projectDir, manifest), 'utf8').catch(() => undefined);
    let value: unknown;
    try {
      value = text !== undefined ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      value = undefined;
    }
    cache.set(manifest, value);
  }
  return cache.get(manifest);
}

/** Notes keyed by package name; PyPI names compare PEP 503-normalised. */
function notesLookup(notes: Readonly<Record<string, string>>): (dep: DirectDependency) => string | undefined {
  const pypi = new Map(Object.entries(notes).map(([k, v]) => [normalizePypiName(k), v]));
  return (dep) => (dep.ecosystem === 'pypi' ? pypi.get(normalizePypiName(dep.name)) : notes[dep.name]);
}
