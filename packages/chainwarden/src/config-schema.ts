import type { Schema } from './core/schema.js';

/**
 * The schema of chainwarden.yaml. Keys are spelled like the command-line flags they set (flags override them).
 * Each capability adds its own section here.
 */
export const CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    sbom: {
      type: 'object',
      description: 'chainwarden sbom',
      properties: {
        output: { type: 'string', description: 'output path, relative to the project directory' },
        format: { type: 'string', enum: ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] },
        'spec-version': { type: 'string', enum: ['1.5', '1.6', '1.7'] },
        'exclude-dev': { type: 'boolean' },
        lockfiles: { type: 'array', items: { type: 'string' }, description: 'lockfiles to read instead of detecting them' },
        exclude: { type: 'array', items: { type: 'string' }, description: 'glob patterns of paths to skip when detecting lockfiles' },
      },
    },
  },
} as const satisfies Schema;

export interface SbomConfig {
  readonly output?: string;
  readonly format?: 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';
  readonly 'spec-version'?: '1.5' | '1.6' | '1.7';
  readonly 'exclude-dev'?: boolean;
  readonly lockfiles?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface ChainwardenConfig {
  readonly sbom?: SbomConfig;
}
