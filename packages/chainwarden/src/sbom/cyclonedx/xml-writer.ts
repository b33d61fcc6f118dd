import type { CdxDocument } from './document.js';
import type { CycloneDxSpec } from './spec.js';
import type { XmlElement } from './xml.js';
import { serializeXml, xmlElement, xmlList, xmlText } from './xml.js';
import { componentElement, propertyElements } from './xml-component.js';

/**
 * CycloneDX XML from the same document tree the JSON writer uses, so both carry the same facts. Element order is the
 * XSD's: bom (metadata, components, dependencies), metadata (timestamp, lifecycles, tools, component, properties).
 * `serialNumber` and `version` are attributes of `<bom>`.
 */
export function writeCycloneDxXml(doc: CdxDocument, spec: CycloneDxSpec): string {
  const root = xmlElement('bom', { xmlns: spec.xmlNamespace, serialNumber: doc.serialNumber, version: String(doc.version) }, [
    metadataElement(doc.metadata),
    ...xmlList('components', doc.components.map(componentElement)),
    ...xmlList(
      'dependencies',
      doc.dependencies.map((d) => xmlElement('dependency', { ref: d.ref }, d.dependsOn.map((ref) => xmlElement('dependency', { ref })))),
    ),
  ]);
  return serializeXml(root);
}

function metadataElement(metadata: CdxDocument['metadata']): XmlElement {
  return xmlElement('metadata', {}, [
    ...xmlText('timestamp', metadata.timestamp),
    ...xmlList('lifecycles', (metadata.lifecycles ?? []).map((l) => xmlElement('lifecycle', {}, [xmlElement('phase', {}, l.phase)]))),
    // 1.5+ form: tools as components (the legacy `<tool>` list is deprecated).
    xmlElement('tools', {}, xmlList('components', metadata.tools.components.map(componentElement))),
    componentElement(metadata.component),
    ...propertyElements(metadata.properties),
  ]);
}
