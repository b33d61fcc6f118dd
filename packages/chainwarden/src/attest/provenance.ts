/**
 * `chainwarden provenance`: an in-toto Statement v1 with a SLSA Build provenance v1 predicate for a project's build
 * artefacts. Deterministic apart from the timestamps (and the invocation id derived from them), no absolute path,
 * no secret. Written atomically.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { contentUuid, sha256Hex } from '../core/digest.js';
import { InputError } from '../core/errors.js';
import { globToRegExp } from '../core/glob.js';
import type { SelectedFile } from '../core/select-files.js';
import { selectFiles } from '../core/select-files.js';
import { TOOL_NAME, TOOL_VERSION } from '../core/version.js';
import { detectLockfiles } from '../sbom/detect.js';
import { findArtefacts } from './artefacts.js';
import { recordedCommand } from './command-line.js';
import type { CiSource } from './environments/build-environment.js';
import { detectBuildEnvironment } from './environments/index.js';
import type { DigestAlgorithm } from './file-digest.js';
import { digestFile } from './file-digest.js';
import { lookupGitSource } from './git-source.js';
import { createRedactor } from './redact.js';
import type { SlsaProvenanceV1 } from './slsa-v1.js';
import { CHAINWARDEN_BUILD_TYPE, SLSA_PROVENANCE_V1 } from './slsa-v1.js';
import type { ResourceDescriptor, Statement } from './statement.js';
import { STATEMENT_V1 } from './statement.js';

export const DEFAULT_PROVENANCE_OUTPUT = 'dist/provenance/provenance.json';

/** The URI recorded when the source cannot be known (outside a git repository). */
export const UNKNOWN_SOURCE_URI = 'https://chainwarden.dev/provenance/source/unknown';

export interface ProvenanceOptions {
  readonly projectDir: string;
  /** Subject files or globs, relative to the project. Default: the build artefacts in dist/. */
  readonly subjects?: readonly string[];
  /** Used when no subject is given and dist/ holds no artefact (chainwarden run: the SBOM). */
  readonly fallbackSubjects?: readonly string[];
  /** A glob matching nothing is not an error. */
  readonly allowEmpty?: boolean;
  /** Output path relative to the project (default dist/provenance/provenance.json). */
  readonly output?: string;
  /** Subject digests (sha256 always). */
  readonly digests?: readonly DigestAlgorithm[];
  readonly startedOn?: Date;
  /** Default: now. */
  readonly finishedOn?: Date;
  readonly env?: NodeJS.ProcessEnv;
  /** The command that produced the build evidence (recorded locally; absolute paths relativised, secrets redacted). */
  readonly command?: readonly string[];
  /** Extra names whose values are always redacted. */
  readonly redact?: readonly string[];
  /** Overrides the detected builder id. */
  readonly builderId?: string;
  /** Lockfiles (relative) recorded as resolved dependencies; default: detected as `chainwarden sbom` does. */
  readonly lockfiles?: readonly string[];
  /** Patterns excluded from lockfile detection (chainwarden.yaml sbom.exclude). */
  readonly lockfileExclude?: readonly string[];
  /** SBOM files (relative) recorded as resolved dependencies; default: the files in dist/sbom/. */
  readonly sboms?: readonly string[];
}

export interface ProvenanceSummary {
  readonly output: string;
  readonly sha256: string;
  readonly environment: string;
  readonly builderId: string;
  readonly buildType: string;
  readonly invocationId?: string;
  readonly startedOn?: string;
  readonly finishedOn: string;
  readonly subjectsFrom: 'subjects' | 'artefacts' | 'fallback';
  readonly subjects: readonly { readonly name: string; readonly digest: Readonly<Record<string, string>> }[];
  readonly source: { readonly uri?: string; readonly ref?: string; readonly commit?: string; readonly unknown?: string };
  readonly resolvedDependencies: readonly string[];
  readonly notes: readonly string[];
}

export interface ProvenanceResult {
  readonly statement: Statement<SlsaProvenanceV1>;
  readonly content: string;
  readonly outputPath: string;
  readonly summary: ProvenanceSummary;
}

const posix = (p: string): string => p.split(sep).join('/');

function sbomMediaType(name: string): string | undefined {
  if (/\.spdx\.json$/i.test(name)) return 'application/spdx+json';
  if (/\.xml$/i.test(name)) return 'application/vnd.cyclonedx+xml';
  if (/\.json$/i.test(name)) return 'application/vnd.cyclonedx+json';
  return undefined;
}

async function describeFiles(files: readonly SelectedFile[], algorithms: readonly DigestAlgorithm[]): Promise<ResourceDescriptor[]> {
  const out: ResourceDescriptor[] = [];
  for (const file of files) {
    const digest = await digestFile(file.path, algorithms);
    out.push({ name: file.name, digest: Object.fromEntries(algorithms.map((a) => [a, digest[a]])) });
  }
  return out;
}

function sourceDescriptor(source: CiSource): ResourceDescriptor {
  const uri = `git+${source.repository}${source.ref !== undefined ? `@${source.ref}` : ''}`;
  return { uri, ...(source.commit !== undefined ? { digest: { gitCommit: source.commit } } : {}) };
}

async function selectSubjects(projectDir: string, options: ProvenanceOptions, notes: string[]): Promise<{ files: SelectedFile[]; from: ProvenanceSummary['subjectsFrom'] }> {
  if (options.subjects !== undefined && options.subjects.length > 0) {
    const files = await selectFiles({ baseDir: projectDir, patterns: options.subjects, allowEmpty: options.allowEmpty ?? false });
    if (files.length === 0) throw new InputError('no subject: the patterns match no file', { file: options.subjects.join(', ') });
    return { files, from: 'subjects' };
  }
  const artefacts = await findArtefacts(projectDir);
  if (artefacts.length > 0) return { files: artefacts, from: 'artefacts' };
  if (options.fallbackSubjects !== undefined && options.fallbackSubjects.length > 0) {
    notes.push('no build artefact in dist/: the subjects are the SBOM');
    return { files: await selectFiles({ baseDir: projectDir, patterns: options.fallbackSubjects }), from: 'fallback' };
  }
  throw new InputError('no build artefact in dist/ (wheels, sdists, tarballs, ...): name the subjects with --subject', { file: 'dist/' });
}

/** Builds the provenance statement (nothing is written). */
export async function generateProvenance(options: ProvenanceOptions): Promise<Omit<ProvenanceResult, 'outputPath'> & { readonly output: string }> {
  const projectDir = resolve(options.projectDir);
  const env = options.env ?? process.env;
  const redactor = createRedactor(options.redact ?? []);
  const notes: string[] = [];
  const outputPath = resolve(projectDir, options.output ?? DEFAULT_PROVENANCE_OUTPUT);
  const output = posix(relative(projectDir, outputPath));

  const algorithms: DigestAlgorithm[] = ['sha256', ...(options.digests ?? []).filter((a) => a !== 'sha256')];
  const { files: subjectFiles, from } = await selectSubjects(projectDir, options, notes);
  const subject = await describeFiles(subjectFiles.filter((f) => f.path !== outputPath), algorithms);
  if (subject.length === 0) throw new InputError('no subject besides the provenance file itself', { file: output });

  const environment = detectBuildEnvironment(env);
  const description = await environment.describe({ env, redactor, readFile: (p) => readFile(p, 'utf8').catch(() => undefined) });

  // Source: the CI's checkout, else git, else unknown.
  let source: ProvenanceSummary['source'];
  let sourceDep: ResourceDescriptor;
  if (description.source !== undefined) {
    source = { uri: description.source.repository, ref: description.source.ref, commit: description.source.commit };
    sourceDep = sourceDescriptor(description.source);
  } else {
    const git = await lookupGitSource(projectDir, redactor);
    if (git.found) {
      source = { uri: git.source.repository, ref: git.source.ref, commit: git.source.commit };
      const dirty = git.source.uncommittedChanges ? { uncommittedChanges: true } : {};
      if (git.source.repository !== undefined) {
        const base = sourceDescriptor({ repository: git.source.repository, ref: git.source.ref, commit: git.source.commit });
        sourceDep = git.source.uncommittedChanges ? { ...base, annotations: dirty } : base;
      } else {
        sourceDep = { name: 'source', digest: { gitCommit: git.source.commit }, annotations: { remote: 'none (no network remote named origin)', ...(git.source.ref !== undefined ? { ref: git.source.ref } : {}), ...dirty } };
        notes.push('the git repository has no network remote named origin: the source is recorded by commit only');
      }
      if (git.source.uncommittedChanges) notes.push('tracked files have uncommitted changes: the build is not exactly the recorded commit (annotated uncommittedChanges)');
    } else {
      source = { unknown: git.reason };
      sourceDep = { name: 'source', uri: UNKNOWN_SOURCE_URI, annotations: { status: 'unknown', reason: git.reason } };
      notes.push(`source unknown: ${git.reason}`);
    }
  }
  source = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined));

  // Lockfiles and SBOMs by digest.
  const lockfileNames =
    options.lockfiles ?? (await detectLockfiles(projectDir, (options.lockfileExclude ?? []).map(globToRegExp))).lockfiles.map((l) => l.path);
  const lockfiles = await describeFiles(await selectFiles({ baseDir: projectDir, patterns: lockfileNames, allowEmpty: true }), ['sha256']);
  const sbomFiles = await selectFiles({ baseDir: projectDir, patterns: options.sboms ?? ['dist/sbom/*'], allowEmpty: true });
  const sboms = (await describeFiles(sbomFiles, ['sha256'])).map((d) => {
    const mediaType = sbomMediaType(d.name ?? '');
    return mediaType !== undefined ? { ...d, mediaType } : d;
  });
  const byName = (a: ResourceDescriptor, b: ResourceDescriptor): number => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);
  // An SBOM that is itself a subject (no build artefact) is an output, not an input.
  const subjectNames = new Set(subject.map((d) => d.name));
  const resolvedDependencies = [sourceDep, ...lockfiles.sort(byName), ...sboms.filter((d) => !subjectNames.has(d.name)).sort(byName)];

  // Millisecond precision: a run shorter than a second still shows a real start and finish.
  const finishedOn = (options.finishedOn ?? new Date()).toISOString();
  const startedOn = options.startedOn?.toISOString();
  if (startedOn === undefined) notes.push('no start time known: pass --started-on (chainwarden run records its own start)');
  const builderId = options.builderId ?? description.builderId;
  const invocationId =
    description.invocationId ?? `urn:uuid:${contentUuid(JSON.stringify([builderId, startedOn ?? finishedOn, subject.map((s) => s.digest?.['sha256'])]))}`;
  const command = recordedCommand(options.command ?? [], projectDir, redactor);

  const predicate: SlsaProvenanceV1 = {
    buildDefinition: {
      buildType: CHAINWARDEN_BUILD_TYPE,
      // Redacted once more as a whole: nothing a CI variable or an input carries reaches the document unchecked.
      externalParameters: redactor.json({ ...description.externalParameters, ...(command.length > 0 ? { command } : {}) }) as Record<string, unknown>,
      internalParameters: redactor.json({ ...description.internalParameters, chainwarden: { version: TOOL_VERSION }, environment: environment.id }) as Record<string, unknown>,
      resolvedDependencies,
    },
    runDetails: {
      builder: { id: builderId, version: { [TOOL_NAME]: TOOL_VERSION } },
      metadata: { invocationId, ...(startedOn !== undefined ? { startedOn } : {}), finishedOn },
    },
  };
  const statement: Statement<SlsaProvenanceV1> = { _type: STATEMENT_V1, subject, predicateType: SLSA_PROVENANCE_V1, predicate };
  const content = `${JSON.stringify(statement, null, 2)}\n`;
  return {
    statement,
    content,
    output,
    summary: {
      output,
      sha256: sha256Hex(content),
      environment: environment.id,
      builderId,
      buildType: CHAINWARDEN_BUILD_TYPE,
      invocationId,
      ...(startedOn !== undefined ? { startedOn } : {}),
      finishedOn,
      subjectsFrom: from,
      subjects: subject.map((s) => ({ name: s.name ?? '', digest: s.digest ?? {} })),
      source,
      resolvedDependencies: resolvedDependencies.map((d) => d.name ?? d.uri ?? ''),
      notes,
    },
  };
}

/** Builds the provenance and writes it atomically. */
export async function writeProvenance(options: ProvenanceOptions): Promise<ProvenanceResult> {
  const result = await generateProvenance(options);
  const outputPath = resolve(options.projectDir, result.output);
  await writeFileAtomic(outputPath, result.content);
  return { statement: result.statement, content: result.content, outputPath, summary: result.summary };
}
