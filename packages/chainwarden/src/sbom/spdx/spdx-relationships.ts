import type { Bom } from '../bom.js';
import type { SpdxRelationship, SpdxRelationshipType } from './spdx-document.js';
import { compareStrings } from './spdx-document.js';

/** CycloneDX scopes that SPDX states as a relationship to the project (required needs none beyond DEPENDS_ON). */
const SCOPE_RELATIONSHIP: Readonly<Record<'optional' | 'excluded', SpdxRelationshipType>> = {
  optional: 'OPTIONAL_DEPENDENCY_OF',
  excluded: 'DEV_DEPENDENCY_OF',
};

function reachableFrom(start: string, graph: Bom['dependencies']): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
    for (const next of graph.get(ref) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/**
 * The document DESCRIBES the root; every dependency-graph edge is a DEPENDS_ON; an optional or excluded component that
 * the project reaches is an OPTIONAL_DEPENDENCY_OF / DEV_DEPENDENCY_OF the root (an unreachable one — locked but not
 * used — gets no such claim; its scope stays in the package comment). Sorted, without duplicates.
 */
export function spdxRelationships(bom: Bom, idOf: (bomRef: string) => string): SpdxRelationship[] {
  const root = idOf(bom.root.bomRef);
  const out = new Map<string, SpdxRelationship>();
  const add = (spdxElementId: string, relationshipType: SpdxRelationshipType, relatedSpdxElement: string): void => {
    out.set(`${spdxElementId} ${relationshipType} ${relatedSpdxElement}`, { spdxElementId, relationshipType, relatedSpdxElement });
  };
  add('SPDXRef-DOCUMENT', 'DESCRIBES', root);
  for (const [ref, dependsOn] of bom.dependencies) for (const dep of dependsOn) add(idOf(ref), 'DEPENDS_ON', idOf(dep));
  const reachable = reachableFrom(bom.root.bomRef, bom.dependencies);
  for (const bc of [...bom.assemblies, ...bom.components]) {
    const scope = bc.component.scope;
    if (scope !== 'required' && reachable.has(bc.bomRef)) add(idOf(bc.bomRef), SCOPE_RELATIONSHIP[scope], root);
  }
  return [...out.values()].sort(
    (a, b) => compareStrings(a.spdxElementId, b.spdxElementId) || compareStrings(a.relationshipType, b.relationshipType) || compareStrings(a.relatedSpdxElement, b.relatedSpdxElement),
  );
}
