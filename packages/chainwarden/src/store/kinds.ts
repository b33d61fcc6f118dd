/** What an entry is. `store put` infers it from the file name unless `--kind` says; the first matching rule wins. */
export const ARTIFACT_KINDS = ['sbom', 'provenance', 'bundle', 'checksums', 'policy-report', 'scan', 'ingest-report', 'vex', 'other'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

const NAME_RULES: readonly (readonly [RegExp, ArtifactKind])[] = [
  [/\.(sigstore|bundle)(\.json)?$|\.sig$/iu, 'bundle'],
  [/(^|[/._-])(sbom|bom)([._-][^/]*)?\.(json|xml)$|\.(cdx|spdx)\.(json|xml)$/iu, 'sbom'],
  [/(^|\/)provenance[^/]*\.json$|\.intoto\.jsonl?$/iu, 'provenance'],
  [/(^|\/)(checksums\.txt|sha(256|512)sums)$|\.sha(256|512)$/iu, 'checksums'],
  [/(^|\/)policy[^/]*\.(json|sarif|xml)$/iu, 'policy-report'],
  [/(^|[/._-])vex([._-][^/]*)?\.json$|\.(openvex|csaf)\.json$/iu, 'vex'],
  [/(^|[/._-])(scan|findings)[^/]*\.(json|sarif)$|\.sarif$/iu, 'scan'],
  [/(^|[/._-])ingest[^/]*\.json$/iu, 'ingest-report'],
];

export function inferKind(name: string): ArtifactKind {
  return NAME_RULES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

export function isArtifactKind(value: string): value is ArtifactKind {
  return (ARTIFACT_KINDS as readonly string[]).includes(value);
}
