import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { sourceDateEpoch } from '../core/clock.js';
import { sha256Hex } from '../core/digest.js';
import { NoLockfileError, UsageError } from '../core/errors.js';
import { globToRegExp } from '../core/glob.js';
import { assembleBom } from './assemble.js';
import type { Bom } from './bom.js';
import { CYCLONEDX_SPECS, DEFAULT_SPEC_VERSION } from './cyclonedx/spec.js';
import type { CycloneDxSpec } from './cyclonedx/spec.js';
import { detectLockfiles } from './detect.js';
import type { SbomFormat } from './formats.js';
import { SBOM_FORMATS } from './formats.js';
import type { LockfileResult, Scope } from './model.js';
import type { NtiaElement } from './ntia.js';
import { ntiaCoverage } from './ntia.js';
import { readLockfile, toPosix } from './read-lockfile.js';
import { supportedFormatsText } from './sources/index.js';

export interface SbomOptions {
  readonly projectDir: string;
  /** Lockfiles to read (relative to the project); detection is skipped when given. */
  readonly lockfiles?: readonly string[];
  /** Output path relative to the project directory (or absolute). Default `dist/sbom/<root>-sbom.<ext>`. */
  readonly output?: string;
  readonly format?: SbomFormat;
  readonly specVersion?: CycloneDxSpec['version'];
  readonly excludeDev?: boolean;
  /** Path patterns (relative, POSIX; `*` and `**`) excluded from lockfile detection. */
  readonly exclude?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface SbomSummary {
  readonly project: { readonly name: string; readonly version?: string };
  readonly output: string;
  readonly format: SbomFormat;
  readonly specVersion: string;
  readonly sha256: string;
  readonly lockfiles: readonly { readonly path: string; readonly format: string; readonly components: number }[];
  readonly components: { readonly total: number; readonly byScope: Readonly<Record<Scope, number>>; readonly byEcosystem: Readonly<Record<string, number>>; readonly workspaceMembers: number };
  readonly dependencies: number;
  readonly ntia: readonly NtiaElement[];
  readonly licenses: { readonly covered: number; readonly total: number; readonly note?: string };
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

export interface SbomResult {
  readonly bom: Bom;
  readonly content: string;
  /** Absolute output path. */
  readonly outputPath: string;
  readonly summary: SbomSummary;
}

/** Formats whose lockfiles record a dependency graph (the others get a flat root → package graph). */
const GRAPH_FORMATS = new Set(['uv', 'poetry', 'pdm', 'npm', 'pnpm', 'yarn']);

export function safeFileStem(name: string): string {
  return name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
}

/** Reads the project's lockfiles and builds the SBOM (nothing is written). */
export async function generateSbom(options: SbomOptions): Promise<SbomResult> {
  const projectDir = resolve(options.projectDir);
  const info = await stat(projectDir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new UsageError(`${options.projectDir}: not a directory`);
  const format = options.format ?? 'cyclonedx-json';
  const spec = CYCLONEDX_SPECS[options.specVersion ?? DEFAULT_SPEC_VERSION];

  let paths: string[];
  const notes: string[] = [];
  if (options.lockfiles !== undefined && options.lockfiles.length > 0) {
    paths = options.lockfiles.map((p) => toPosix(relative(projectDir, resolve(projectDir, p))));
  } else {
    const detection = await detectLockfiles(projectDir, (options.exclude ?? []).map(globToRegExp));
    notes.push(...detection.notes);
    paths = detection.lockfiles.map((l) => l.path);
    if (paths.length === 0) {
      throw new NoLockfileError(`${options.projectDir}: no supported lockfile found (supported: ${supportedFormatsText()})`);
    }
  }

  const results: LockfileResult[] = [];
  for (const path of paths) results.push(await readLockfile(projectDir, path));
  const timestamp = sourceDateEpoch(options.env);
  const bom = assembleBom(results, { excludeDev: options.excludeDev === true, ...(timestamp !== undefined ? { timestamp } : {}) });

  const writer = await SBOM_FORMATS[format]();
  const content = writer.write(bom, spec);
  const defaultOutput = `dist/sbom/${safeFileStem(bom.root.project.name)}-sbom${writer.extension}`;
  const outputPath = resolve(projectDir, options.output ?? defaultOutput);

  const all = [...bom.assemblies, ...bom.components];
  const byScope: Record<Scope, number> = { required: 0, optional: 0, excluded: 0 };
  const byEcosystem: Record<string, number> = {};
  for (const c of all) {
    byScope[c.component.scope]++;
    byEcosystem[c.component.ecosystem] = (byEcosystem[c.component.ecosystem] ?? 0) + 1;
  }
  const licensed = all.filter((c) => c.component.licenses.length > 0).length;
  const noLicenceFormats = [...new Set(results.filter((r) => !r.carriesLicenses).map((r) => r.format))];
  const summary: SbomSummary = {
    project: { name: bom.root.project.name, ...(bom.root.project.version !== undefined ? { version: bom.root.project.version } : {}) },
    output: isAbsolute(options.output ?? '') ? outputPath : toPosix(relative(projectDir, outputPath)),
    format,
    specVersion: format === 'spdx-json' ? 'SPDX-2.3' : spec.version,
    sha256: sha256Hex(content),
    lockfiles: bom.lockfiles,
    components: { total: all.length, byScope, byEcosystem, workspaceMembers: bom.assemblies.length },
    dependencies: bom.dependencies.size,
    ntia: ntiaCoverage(bom, GRAPH_FORMATS),
    licenses: {
      covered: licensed,
      total: all.length,
      ...(noLicenceFormats.length > 0 ? { note: `${noLicenceFormats.join(', ')} lockfiles carry no licences` } : {}),
    },
    warnings: bom.warnings,
    notes,
  };
  return { bom, content, outputPath, summary };
}

/** Generates the SBOM and writes it atomically (a failure never leaves a partial file). */
export async function writeSbom(options: SbomOptions): Promise<SbomResult> {
  const result = await generateSbom(options);
  await writeFileAtomic(result.outputPath, result.content);
  return result;
}
