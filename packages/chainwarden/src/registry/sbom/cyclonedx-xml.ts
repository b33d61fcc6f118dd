/**
 * CycloneDX XML (1.2–1.7) → the registry's model. A DOCTYPE or entity declaration is refused before parsing, and the
 * parser never expands entities: external entities (XXE) cannot be reached.
 */
import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import { componentFrom, CYCLONEDX_VERSIONS } from './cyclonedx-json.js';
import type { ParsedComponent, ParsedDependency, ParsedSbom } from './model.js';

const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/u;
const ARRAYS = new Set(['component', 'dependency', 'license', 'author', 'tool']);

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (isRecord(v) && (typeof v['#text'] === 'string' || typeof v['#text'] === 'number')) return String(v['#text']);
  return undefined;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** An XML <component> as the JSON shape (`bom-ref`, `licenses`, `supplier`) so one reader serves both. */
function asJson(c: Record<string, unknown>): Record<string, unknown> {
  const licenses = isRecord(c['licenses'])
    ? [...list(c['licenses']['license']).map((l) => ({ license: { id: isRecord(l) ? text(l['id']) : undefined, name: isRecord(l) ? text(l['name']) : undefined } })), ...list(c['licenses']['expression']).map((e) => ({ expression: text(e) }))]
    : undefined;
  return {
    type: c['@_type'],
    'bom-ref': c['@_bom-ref'],
    name: text(c['name']) ?? '',
    group: text(c['group']),
    version: text(c['version']),
    purl: text(c['purl']),
    ...(licenses !== undefined ? { licenses } : {}),
    ...(isRecord(c['supplier']) ? { supplier: { name: text(c['supplier']['name']) } } : {}),
  };
}

export async function readCycloneDxXml(source: string, file: string): Promise<ParsedSbom> {
  if (/<!DOCTYPE|<!ENTITY/iu.test(source)) {
    throw new InputError('XML with a DOCTYPE or entity declarations is refused (no external entities, no entity expansion)', { file }, { code: 'SBOM_INVALID' });
  }
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new InputError(`not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col }, { code: 'SBOM_INVALID' });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const parsed: unknown = parser.parse(source);
  const bom = isRecord(parsed) ? parsed['bom'] : undefined;
  if (!isRecord(bom)) throw new InputError('not a CycloneDX SBOM (no <bom> root element)', { file }, { code: 'SBOM_INVALID' });
  // The namespace from the root element's own text (the parser drops xmlns attributes when it strips prefixes).
  const ns = /<(?:[A-Za-z_][\w.-]*:)?bom\b[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*)"/u.exec(source)?.[1] ?? '';
  const specVersion = NAMESPACE.exec(ns)?.[1] ?? '';
  if (!CYCLONEDX_VERSIONS.includes(specVersion)) {
    throw new InputError(`unsupported CycloneDX XML namespace "${ns}" (supported: ${CYCLONEDX_VERSIONS.join(', ')})`, { file, path: 'bom/@xmlns' }, { code: 'SBOM_INVALID' });
  }
  const components: ParsedComponent[] = [];
  const pointers: string[] = [];
  const walk = (holder: unknown, at: string): void => {
    if (!isRecord(holder)) return;
    list(holder['component']).forEach((c, i) => {
      const record = isRecord(c) ? c : {};
      components.push(componentFrom(asJson(record), `${at}[${i}]`, `${at}[${i}]`));
      pointers.push(`/${at.replace(/\[(\d+)\]/gu, '/$1').replace(/\./gu, '/')}/${i}`);
      walk(record['components'], `${at}[${i}].components`);
    });
  };
  walk(bom['components'], 'components');
  // `component` is always parsed as a list; metadata has one.
  const metaFirst: unknown = isRecord(bom['metadata']) ? list(bom['metadata']['component'])[0] : undefined;
  const meta = isRecord(metaFirst) ? metaFirst : {};
  walk(meta['components'], 'metadata.component.components');
  const dependencies: ParsedDependency[] = [];
  if (isRecord(bom['dependencies'])) {
    for (const d of list(bom['dependencies']['dependency'])) {
      if (!isRecord(d) || typeof d['@_ref'] !== 'string') continue;
      dependencies.push({ ref: d['@_ref'], dependsOn: list(d['dependency']).map((x) => (isRecord(x) ? x['@_ref'] : undefined)).filter((x): x is string => typeof x === 'string') });
    }
  }
  const metadata = isRecord(bom['metadata']) ? bom['metadata'] : {};
  const root = meta;
  const name = text(root['name']);
  const version = text(root['version']);
  const timestamp = text(metadata['timestamp']);
  const rootRef = typeof root['@_bom-ref'] === 'string' ? root['@_bom-ref'] : undefined;
  return {
    ...(rootRef !== undefined ? { rootRef } : {}),
    format: 'cyclonedx-xml',
    specVersion,
    product: { ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}) },
    components,
    pointers,
    dependencies,
    hasAuthor: metadata['authors'] !== undefined || metadata['tools'] !== undefined || metadata['manufacture'] !== undefined || metadata['supplier'] !== undefined,
    ...(timestamp !== undefined ? { timestamp } : {}),
    schemaIssues: [],
  };
}
