/**
 * SLSA Build provenance v1 (https://slsa.dev/spec/v1.0/provenance): the predicate we write, and the URIs of our own
 * build type and local builder. The build type is documented in packages/chainwarden/docs/build-type-v1.md.
 */
import type { ResourceDescriptor } from './statement.js';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const SLSA_PROVENANCE_V02 = 'https://slsa.dev/provenance/v0.2';

/** Our build type: a build whose evidence chainwarden recorded (see docs/build-type-v1.md). */
export const CHAINWARDEN_BUILD_TYPE = 'https://chainwarden.dev/provenance/build-type/v1';

/** The builder id of a build run on a developer machine or an unrecognised CI: no hostname, no path. */
export const LOCAL_BUILDER_ID = 'https://chainwarden.dev/provenance/builder/local/v1';

export interface SlsaBuilder {
  readonly id: string;
  readonly version?: Readonly<Record<string, string>>;
  readonly builderDependencies?: readonly ResourceDescriptor[];
}

export interface SlsaProvenanceV1 {
  readonly buildDefinition: {
    readonly buildType: string;
    readonly externalParameters: Readonly<Record<string, unknown>>;
    readonly internalParameters?: Readonly<Record<string, unknown>>;
    readonly resolvedDependencies?: readonly ResourceDescriptor[];
  };
  readonly runDetails: {
    readonly builder: SlsaBuilder;
    readonly metadata?: {
      readonly invocationId?: string;
      readonly startedOn?: string;
      readonly finishedOn?: string;
    };
    readonly byproducts?: readonly ResourceDescriptor[];
  };
}
