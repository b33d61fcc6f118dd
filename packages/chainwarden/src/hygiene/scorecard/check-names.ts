/** The check names, for the config schema and flag validation (kept light: no check code is loaded). */
export const SCORECARD_CHECK_NAMES = [
  'Binary-Artifacts',
  'Dangerous-Workflow',
  'Dependency-Update-Tool',
  'License',
  'Packaging',
  'Pinned-Dependencies',
  'SAST',
  'Security-Policy',
  'Signed-Releases',
  'Token-Permissions',
] as const;

export type ScorecardCheckName = (typeof SCORECARD_CHECK_NAMES)[number];
