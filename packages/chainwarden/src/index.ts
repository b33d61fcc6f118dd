/**
 * chainwarden's library API: `import { generateSbom } from 'chainwarden'`. A small surface; the CLI is built on it.
 */
export {
  ChainwardenError,
  ConfigError,
  ExitCode,
  InputError,
  IoError,
  LockfileError,
  NoLockfileError,
  UsageError,
} from './core/errors.js';
export type { ChainwardenErrorCode, InputLocation } from './core/errors.js';
export { loadConfig, CONFIG_FILE } from './core/config.js';
export type { LoadedConfig } from './core/config.js';
export type { ChainwardenConfig, SbomConfig } from './config-schema.js';
export { generateSbom, writeSbom } from './sbom/generate.js';
export type { SbomOptions, SbomResult, SbomSummary } from './sbom/generate.js';
export { readLockfile } from './sbom/read-lockfile.js';
export { assembleBom } from './sbom/assemble.js';
export type { AssembleOptions } from './sbom/assemble.js';
export type { Bom, BomComponent, BomRoot, BomSubProject } from './sbom/bom.js';
export type { Component, Ecosystem, ExternalReference, Hash, License, LockfileResult, PackageSource, RootProject, Scope } from './sbom/model.js';
export type { SbomSource, SourceContext } from './sbom/source.js';
export { SOURCES } from './sbom/sources/index.js';
export type { SbomFormat } from './sbom/formats.js';
export { CYCLONEDX_SPECS } from './sbom/cyclonedx/spec.js';
export type { CycloneDxSpec } from './sbom/cyclonedx/spec.js';
export { runPipeline } from './pipeline.js';
export type { PipelineOptions, PipelineResult, StageResult } from './pipeline.js';
export type { Stage, StageContext, StageOutput } from './pipeline/stage.js';
export { main } from './cli/main.js';
