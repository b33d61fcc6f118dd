import type { CdxDocument } from './document.js';
import type { CycloneDxSpec } from './spec.js';

/** CycloneDX JSON: `$schema` first, then the document in schema order, two-space indented, trailing newline. */
export function writeCycloneDxJson(doc: CdxDocument, spec: CycloneDxSpec): string {
  const { bomFormat, specVersion, serialNumber, version, metadata, components, dependencies } = doc;
  return `${JSON.stringify({ $schema: spec.jsonSchema, bomFormat, specVersion, serialNumber, version, metadata, components, dependencies }, null, 2)}\n`;
}
