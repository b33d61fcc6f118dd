import type { CdxDocument } from './document.js';
import type { CycloneDxSpec } from './spec.js';

/** Placeholder until the XML writer lands. */
export function writeCycloneDxXml(_doc: CdxDocument, _spec: CycloneDxSpec): string {
  throw new Error('cyclonedx-xml is not implemented yet');
}
