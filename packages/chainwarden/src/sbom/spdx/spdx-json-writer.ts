import { isoSeconds } from '../../core/clock.js';
import { contentUuid } from '../../core/digest.js';
import { TOOL_NAME, TOOL_VERSION } from '../../core/version.js';
import type { Bom } from '../bom.js';
import type { SpdxDocument } from './spdx-document.js';
import { compareStrings } from './spdx-document.js';
import { packageIds, spdxIdString } from './spdx-ids.js';
import { SpdxLicenses } from './spdx-licenses.js';
import { componentPackage, projectPackage } from './spdx-package.js';
import { spdxRelationships } from './spdx-relationships.js';

/** SPDX requires a creation time; without SOURCE_DATE_EPOCH the epoch keeps the output reproducible. */
const NO_TIMESTAMP = '1970-01-01T00:00:00Z';

const NAMESPACE_BASE = 'https://chainwarden.dev/spdx/';

/** Builds the SPDX 2.3 document: the root package first, then every other package sorted by SPDXID. */
export function buildSpdx(bom: Bom): SpdxDocument {
  const all = [...bom.assemblies, ...bom.components];
  const ids = packageIds([bom.root.bomRef, ...bom.subProjects.map((s) => s.bomRef), ...all.map((c) => c.bomRef)]);
  const idOf = (ref: string): string => ids.get(ref) as string;
  const licenses = new SpdxLicenses([bom.root.project.licenses, ...bom.subProjects.map((s) => s.project.licenses), ...all.map((c) => c.component.licenses)]);
  const others = [...bom.subProjects.map((s) => projectPackage(s, idOf(s.bomRef), licenses)), ...all.map((c) => componentPackage(c, idOf(c.bomRef), licenses))];
  others.sort((a, b) => compareStrings(a.SPDXID, b.SPDXID));
  const packages = [projectPackage(bom.root, idOf(bom.root.bomRef), licenses), ...others];
  const extracted = licenses.extractedInfos();
  const root = bom.root.project;
  const doc: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: root.version !== undefined ? `${root.name}-${root.version}` : root.name,
    documentNamespace: '',
    creationInfo: { created: bom.timestamp !== undefined ? isoSeconds(bom.timestamp) : NO_TIMESTAMP, creators: [`Tool: ${TOOL_NAME}-${TOOL_VERSION}`] },
    ...(bom.lockfiles.length > 0 ? { comment: `Lockfiles: ${bom.lockfiles.map((l) => `${l.path} (${l.format})`).join(', ')}` } : {}),
    packages,
    relationships: spdxRelationships(bom, idOf),
    ...(extracted.length > 0 ? { hasExtractedLicensingInfos: extracted } : {}),
  };
  // Derived from everything else, like the CycloneDX serial number: equal content, equal namespace.
  doc.documentNamespace = `${NAMESPACE_BASE}${spdxIdString(doc.name) || 'sbom'}-${contentUuid(JSON.stringify(doc))}`;
  return doc;
}

/** SPDX 2.3 JSON, two-space indented, trailing newline. */
export function writeSpdxJson(bom: Bom): string {
  return `${JSON.stringify(buildSpdx(bom), null, 2)}\n`;
}
