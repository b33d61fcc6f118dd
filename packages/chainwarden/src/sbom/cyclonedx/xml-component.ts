import type { Hash } from '../model.js';
import type { CdxComponent, CdxLicenseChoice } from './document.js';
import type { XmlElement } from './xml.js';
import { xmlElement, xmlList, xmlText } from './xml.js';

/**
 * CycloneDX components as XML elements. Child order is the XSD's `component` sequence (1.5–1.7): author, group,
 * name, version, description, scope, hashes, licenses, purl, externalReferences, properties, components.
 */

export function hashElements(hashes: readonly Hash[] | undefined): XmlElement[] {
  return xmlList('hashes', (hashes ?? []).map((h) => xmlElement('hash', { alg: h.alg }, h.content)));
}

/** `<license>` (id or name) or `<expression>`, with `acknowledgement` as an attribute where the spec has it. */
export function licenseElements(licenses: readonly CdxLicenseChoice[] | undefined): XmlElement[] {
  return xmlList(
    'licenses',
    (licenses ?? []).map((choice) => {
      if (choice.expression !== undefined) return xmlElement('expression', { acknowledgement: choice.acknowledgement }, choice.expression);
      const license = choice.license ?? {};
      return xmlElement('license', { acknowledgement: license.acknowledgement }, [...xmlText('id', license.id), ...(license.id === undefined ? xmlText('name', license.name) : [])]);
    }),
  );
}

export function propertyElements(properties: CdxComponent['properties']): XmlElement[] {
  return xmlList('properties', (properties ?? []).map((p) => xmlElement('property', { name: p.name }, p.value)));
}

function externalReferenceElements(refs: CdxComponent['externalReferences']): XmlElement[] {
  return xmlList(
    'externalReferences',
    (refs ?? []).map((r) => xmlElement('reference', { type: r.type }, [...xmlText('url', r.url), ...xmlText('comment', r.comment), ...hashElements(r.hashes)])),
  );
}

/** A component, or a tool in `metadata.tools.components` (which carries no bom-ref). */
export type XmlComponentInput = Omit<CdxComponent, 'bom-ref'> & { readonly 'bom-ref'?: string };

export function componentElement(c: XmlComponentInput): XmlElement {
  return xmlElement('component', { type: c.type, 'bom-ref': c['bom-ref'] }, [
    ...xmlText('author', c.author),
    ...xmlText('group', c.group),
    ...xmlText('name', c.name),
    ...xmlText('version', c.version),
    ...xmlText('description', c.description),
    ...xmlText('scope', c.scope),
    ...hashElements(c.hashes),
    ...licenseElements(c.licenses),
    ...xmlText('purl', c.purl),
    ...externalReferenceElements(c.externalReferences),
    ...propertyElements(c.properties),
    ...xmlList('components', (c.components ?? []).map(componentElement)),
  ]);
}
