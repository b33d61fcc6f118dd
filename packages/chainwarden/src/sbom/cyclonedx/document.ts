import { isoSeconds } from '../../core/clock.js';
import { contentUuid } from '../../core/digest.js';
import { TOOL_NAME, TOOL_VERSION } from '../../core/version.js';
import type { Bom, BomComponent } from '../bom.js';
import type { ExternalReference, Hash, License, Property } from '../model.js';
import type { CycloneDxSpec } from './spec.js';

/**
 * The CycloneDX document as a plain, ordered object tree — one builder shared by the JSON and XML writers, so both
 * carry exactly the same facts. Key order follows the schemas' property order.
 */
export interface CdxLicenseChoice {
  readonly license?: { readonly id?: string; readonly name?: string; readonly acknowledgement?: 'declared' };
  readonly expression?: string;
  readonly acknowledgement?: 'declared';
}

export interface CdxComponent {
  readonly type: 'library' | 'application';
  readonly 'bom-ref': string;
  readonly author?: string;
  readonly group?: string;
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly scope?: 'required' | 'optional' | 'excluded';
  readonly hashes?: readonly Hash[];
  readonly licenses?: readonly CdxLicenseChoice[];
  readonly purl?: string;
  readonly externalReferences?: readonly { readonly url: string; readonly comment?: string; readonly type: string; readonly hashes?: readonly Hash[] }[];
  readonly properties?: readonly { readonly name: string; readonly value: string }[];
  readonly components?: readonly CdxComponent[];
}

export interface CdxDocument {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: string;
  serialNumber?: string;
  readonly version: 1;
  readonly metadata: {
    readonly timestamp?: string;
    readonly lifecycles?: readonly { readonly phase: string }[];
    readonly tools: { readonly components: readonly { readonly type: 'application'; readonly name: string; readonly version: string }[] };
    readonly component: CdxComponent;
    readonly properties?: readonly { readonly name: string; readonly value: string }[];
  };
  readonly components: readonly CdxComponent[];
  readonly dependencies: readonly { readonly ref: string; readonly dependsOn: readonly string[] }[];
}

export function licenseChoices(licenses: readonly License[], spec: CycloneDxSpec): CdxLicenseChoice[] | undefined {
  if (licenses.length === 0) return undefined;
  const ack = spec.licenseAcknowledgement ? ({ acknowledgement: 'declared' } as const) : {};
  const expression = licenses.find((l) => l.kind === 'expression');
  // CycloneDX allows either one expression or a list of licences, never both.
  if (expression !== undefined) {
    const all = licenses.map((l) => (l.kind === 'id' ? l.id : l.kind === 'expression' ? `(${l.expression})` : undefined));
    if (all.every((x) => x !== undefined)) {
      const text = licenses.length === 1 && expression.kind === 'expression' ? expression.expression : all.join(' AND ');
      return [{ expression: text, ...ack }];
    }
    return [{ expression: expression.expression, ...ack }];
  }
  return licenses.map((l) => (l.kind === 'id' ? { license: { id: l.id, ...ack } } : { license: { name: l.kind === 'name' ? l.name : '', ...ack } }));
}

function externalRefs(refs: readonly ExternalReference[]): CdxComponent['externalReferences'] {
  if (refs.length === 0) return undefined;
  return [...refs]
    .sort((a, b) => cmp(`${a.type} ${a.url}`, `${b.type} ${b.url}`) || cmp(a.hashes?.[0]?.content ?? '', b.hashes?.[0]?.content ?? ''))
    .map((r) => ({ url: r.url, ...(r.comment !== undefined ? { comment: r.comment } : {}), type: r.type, ...(r.hashes !== undefined && r.hashes.length > 0 ? { hashes: r.hashes } : {}) }));
}

function props(properties: readonly Property[]): CdxComponent['properties'] {
  if (properties.length === 0) return undefined;
  return [...properties].sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1])).map(([name, value]) => ({ name, value }));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function component(bc: BomComponent, spec: CycloneDxSpec): CdxComponent {
  const c = bc.component;
  const hashes = [...c.hashes].sort((a, b) => cmp(a.alg, b.alg) || cmp(a.content, b.content));
  const vcs: ExternalReference[] = c.source.kind === 'git' ? [{ type: 'vcs', url: c.source.commit !== undefined ? `${c.source.url}#${c.source.commit}` : c.source.url }] : [];
  return strip({
    type: c.type,
    'bom-ref': bc.bomRef,
    author: c.author,
    group: bc.group,
    name: bc.shortName,
    version: c.version,
    description: c.description,
    scope: c.scope,
    hashes: hashes.length > 0 ? hashes : undefined,
    licenses: licenseChoices(c.licenses, spec),
    purl: c.purl,
    externalReferences: externalRefs([...c.externalReferences, ...vcs]),
    properties: props(c.properties),
  });
}

function strip<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Builds the document. The serial number is derived from everything else, so equal content gives equal serials. */
export function buildCycloneDx(bom: Bom, spec: CycloneDxSpec): CdxDocument {
  const root = bom.root.project;
  const nested: CdxComponent[] = [
    ...bom.assemblies.map((a) => component(a, spec)),
    ...bom.subProjects.map((s) =>
      strip<CdxComponent>({
        type: 'application',
        'bom-ref': s.bomRef,
        name: s.project.name,
        version: s.project.version,
        description: s.project.description,
        licenses: licenseChoices(s.project.licenses, spec),
        properties: props([['chainwarden:lockfile', s.lockfile], ...(s.project.manifest !== undefined ? [['chainwarden:manifest', s.project.manifest] as const] : [])]),
      }),
    ),
  ].sort((a, b) => cmp(a['bom-ref'], b['bom-ref']));
  const metadataComponent = strip<CdxComponent>({
    type: 'application',
    'bom-ref': bom.root.bomRef,
    name: root.name,
    version: root.version,
    description: root.description,
    licenses: licenseChoices(root.licenses, spec),
    properties: props(root.manifest !== undefined ? [['chainwarden:manifest', root.manifest]] : []),
    components: nested.length > 0 ? nested : undefined,
  });
  const doc: CdxDocument = {
    bomFormat: 'CycloneDX',
    specVersion: spec.version,
    version: 1,
    metadata: strip({
      timestamp: bom.timestamp !== undefined ? isoSeconds(bom.timestamp) : undefined,
      lifecycles: spec.lifecycles ? [{ phase: 'pre-build' }] : undefined,
      tools: { components: [{ type: 'application' as const, name: TOOL_NAME, version: TOOL_VERSION }] },
      component: metadataComponent,
      properties: props(bom.lockfiles.map((l) => ['chainwarden:lockfile', `${l.format}:${l.path}`] as const)),
    }),
    components: bom.components.map((c) => component(c, spec)),
    dependencies: [...bom.dependencies.entries()].sort(([a], [b]) => cmp(a, b)).map(([ref, dependsOn]) => ({ ref, dependsOn })),
  };
  doc.serialNumber = `urn:uuid:${contentUuid(JSON.stringify(doc))}`;
  return doc;
}
