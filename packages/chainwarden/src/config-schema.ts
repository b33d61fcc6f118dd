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
    provenance: {
      type: 'object',
      description: 'chainwarden provenance',
      properties: {
        output: { type: 'string', description: 'output path, relative to the project directory' },
        subject: { type: 'array', items: { type: 'string' }, description: 'subject files or globs (default: the build artefacts in dist/)' },
        digest: { type: 'array', items: { type: 'string', enum: ['sha256', 'sha512'] }, description: 'subject digests besides sha256' },
        'allow-empty': { type: 'boolean', description: 'a subject glob matching nothing is not an error' },
        redact: { type: 'array', items: { type: 'string' }, description: 'names (inputs, variables, flags) whose values are always redacted' },
        'builder-id': { type: 'string', description: 'builder id to record instead of the detected one' },
      },
    },
    checksums: {
      type: 'object',
      description: 'chainwarden checksums (in chainwarden run)',
      properties: {
        output: { type: 'string', description: 'checksum file, relative to the project directory (default dist/checksums.txt)' },
        algorithm: { type: 'string', enum: ['sha256', 'sha512'] },
      },
    },
    sign: {
      type: 'object',
      description: 'chainwarden sign / attest / verify, and the sign stage of chainwarden run',
      properties: {
        key: { type: 'string', description: 'private key (PEM) to sign with, relative to the project directory; password from CHAINWARDEN_KEY_PASSWORD' },
        keyless: { type: 'boolean', description: 'sign keyless (OIDC token -> Fulcio certificate, Rekor entry, TSA timestamp)' },
        'fulcio-url': { type: 'string' },
        'rekor-url': { type: 'string' },
        'tsa-url': { type: 'string' },
        'tlog-upload': { type: 'boolean', description: 'with a key: also record signatures in Rekor and get a TSA timestamp' },
        'trusted-root': { type: 'string', description: 'trusted_root.json for verification (default: the Sigstore public-good root shipped inside chainwarden)' },
        'trust-policy': { type: 'string', description: 'supplier trust policy (YAML), relative to the project directory' },
      },
    },
    registry: {
      type: 'object',
      description: 'the registry (chainwarden ingest, supplier, registry; the ingest stage of chainwarden run)',
      properties: {
        'database-url': { type: 'string', description: 'postgres://… or an SQLite file relative to the project (default data/registry/chainwarden.sqlite); CHAINWARDEN_DATABASE_URL and --database-url override it' },
        ingest: { type: 'boolean', description: 'chainwarden run: put the project\'s own SBOM into the registry (default true)' },
        product: { type: 'string', description: 'chainwarden run: the product name to record the project\'s SBOM under (default: the SBOM\'s root component)' },
      },
    },
    policy: {
      type: 'object',
      description: 'chainwarden policy eval and the policy stage of chainwarden run',
      properties: {
        policy: { type: 'string', description: 'policy directory, relative to the project directory (default policy)' },
        namespace: { type: 'array', items: { type: 'string' }, description: 'Rego packages to evaluate (default: main)' },
        'all-namespaces': { type: 'boolean' },
        'fail-on-warn': { type: 'boolean', description: 'warnings close the gate too' },
        'require-signatures': { type: 'boolean', description: 'input.signatures.required (default: true when sign.key or sign.keyless is set)' },
      },
    },
    tracker: {
      type: 'object',
      description: 'chainwarden backlog sync (GitHub issues for backlog entries)',
      properties: {
        github: { type: 'string', description: 'owner/repo holding the issues' },
        'api-url': { type: 'string', description: 'REST API base URL (default $GITHUB_API_URL, else https://api.github.com)' },
        links: { type: 'string', description: 'link file, relative to the project directory (default data/tracker/links.json)' },
        'max-wait': { type: 'integer', minimum: 0, description: 'seconds to wait out rate limits before giving up (default 120)' },
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

export interface ProvenanceConfig {
  readonly output?: string;
  readonly subject?: readonly string[];
  readonly digest?: readonly ('sha256' | 'sha512')[];
  readonly 'allow-empty'?: boolean;
  readonly redact?: readonly string[];
  readonly 'builder-id'?: string;
}

export interface ChecksumsConfig {
  readonly output?: string;
  readonly algorithm?: 'sha256' | 'sha512';
}

export interface SignConfig {
  readonly key?: string;
  readonly keyless?: boolean;
  readonly 'fulcio-url'?: string;
  readonly 'rekor-url'?: string;
  readonly 'tsa-url'?: string;
  readonly 'tlog-upload'?: boolean;
  readonly 'trusted-root'?: string;
  readonly 'trust-policy'?: string;
}

export interface PolicyConfig {
  readonly policy?: string;
  readonly namespace?: readonly string[];
  readonly 'all-namespaces'?: boolean;
  readonly 'fail-on-warn'?: boolean;
  readonly 'require-signatures'?: boolean;
}

export interface RegistryConfig {
  readonly 'database-url'?: string;
  readonly ingest?: boolean;
  readonly product?: string;
}

export interface TrackerConfig {
  readonly github?: string;
  readonly 'api-url'?: string;
  readonly links?: string;
  readonly 'max-wait'?: number;
}

export interface ChainwardenConfig {
  readonly tracker?: TrackerConfig;
  readonly registry?: RegistryConfig;
  readonly policy?: PolicyConfig;
  readonly sign?: SignConfig;
  readonly sbom?: SbomConfig;
  readonly provenance?: ProvenanceConfig;
  readonly checksums?: ChecksumsConfig;
}
