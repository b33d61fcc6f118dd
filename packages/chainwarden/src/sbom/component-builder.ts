import { npmPurl, pypiPurl } from '../core/purl.js';
import { isSpdxExpression, spdxLicenseId } from '../core/spdx-license.js';
import type { Component, Ecosystem, ExternalReference, Hash, License, PackageSource, Property, Scope } from './model.js';
import { componentKey, isLocalSource } from './model.js';

export interface ComponentInit {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version?: string | undefined;
  readonly source: PackageSource;
  readonly type?: 'library' | 'application';
  readonly scope?: Scope;
  readonly hashes?: Hash[];
  readonly licenses?: License[];
  readonly externalReferences?: ExternalReference[];
  readonly properties?: Property[];
  readonly description?: string | undefined;
  readonly author?: string | undefined;
}

const DEFAULT_REGISTRIES: Readonly<Record<Ecosystem, readonly string[]>> = {
  pypi: ['https://pypi.org/simple', 'https://pypi.org/simple/', 'https://pypi.python.org/simple', 'https://pypi.python.org/simple/', 'https://pypi.org/pypi', 'https://files.pythonhosted.org'],
  npm: ['https://registry.npmjs.org', 'https://registry.npmjs.org/', 'https://registry.yarnpkg.com', 'https://registry.yarnpkg.com/', 'https://registry.npmjs.com', 'https://registry.npmjs.com/'],
};

/** True when the registry URL is the ecosystem's public default (no `repository_url` qualifier needed). */
export function isDefaultRegistry(ecosystem: Ecosystem, url: string | undefined): boolean {
  if (url === undefined || url === '') return true;
  return DEFAULT_REGISTRIES[ecosystem].includes(url);
}

/**
 * The purl of a package from its source: registry packages get a plain purl (plus `repository_url` for a
 * non-default index), git sources a `vcs_url`, plain URLs a `download_url`; local sources get none.
 */
export function purlFor(ecosystem: Ecosystem, name: string, version: string | undefined, source: PackageSource): string | undefined {
  if (isLocalSource(source)) return undefined;
  const make = ecosystem === 'pypi' ? pypiPurl : npmPurl;
  switch (source.kind) {
    case 'registry':
      return make(name, version, isDefaultRegistry(ecosystem, source.url) ? undefined : { repository_url: source.url });
    case 'git': {
      const base = source.url.startsWith('git+') ? source.url : `git+${source.url}`;
      return make(name, version, { vcs_url: source.commit !== undefined ? `${base.replace(/#.*$/, '')}@${source.commit}` : base });
    }
    case 'url':
      return make(name, version, { download_url: source.url });
    default:
      return undefined;
  }
}

/** Builds a Component with its key and purl computed the same way for every format. */
export function makeComponent(init: ComponentInit): Component {
  const purl = purlFor(init.ecosystem, init.name, init.version, init.source);
  const component: {
    -readonly [K in keyof Component]: Component[K];
  } = {
    key: componentKey(init.ecosystem, init.name, init.version, init.source),
    ecosystem: init.ecosystem,
    type: init.type ?? 'library',
    name: init.name,
    source: init.source,
    scope: init.scope ?? 'required',
    hashes: init.hashes ?? [],
    licenses: init.licenses ?? [],
    externalReferences: init.externalReferences ?? [],
    properties: init.properties ?? [],
    dependsOn: new Set<string>(),
  };
  if (init.version !== undefined && init.version !== '') component.version = init.version;
  if (purl !== undefined) component.purl = purl;
  if (init.description !== undefined) component.description = init.description;
  if (init.author !== undefined) component.author = init.author;
  return component;
}

/** Parses an SRI integrity string (`sha512-<base64>`, possibly several space-separated) into hex hashes. */
export function hashesFromIntegrity(integrity: string | undefined): Hash[] {
  if (integrity === undefined || integrity === '') return [];
  const out: Hash[] = [];
  for (const part of integrity.trim().split(/\s+/)) {
    const m = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/=]+)$/.exec(part);
    if (m === null) continue;
    const alg = ({ sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const)[m[1] as 'sha1'];
    out.push({ alg, content: Buffer.from(m[2] as string, 'base64').toString('hex') });
  }
  return out;
}

/** Turns a licence string from a lockfile or manifest into a License: SPDX id, expression, or free text. */
export function licenseFromString(value: string): License {
  const v = value.trim();
  const id = spdxLicenseId(v);
  if (id !== undefined) return { kind: 'id', id };
  if (isSpdxExpression(v)) return { kind: 'expression', expression: v };
  return { kind: 'name', name: v };
}
