/**
 * CVSS base scores from vector strings, every version in one place: v2, v3.0, v3.1 and v4.0, computed by
 * `ae-cvss-calculator` (FIRST's equations and v4.0 macro-vector lookup). What differs between versions is data:
 * how a vector announces itself, which calculator scores it, and how a score maps to a qualitative rating.
 */
import calculator from 'ae-cvss-calculator';

export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

/** The qualitative rating scale of a version (v2 has no `critical`; v3/v4 rate 0.0 as `none`). */
export type CvssRating = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface CvssScore {
  readonly version: CvssVersion;
  /** The vector as given (trimmed). */
  readonly vector: string;
  readonly score: number;
  readonly rating: CvssRating;
}

interface Scorer {
  validate(vector: string): boolean;
  calculateScores(): { base?: number; overall?: number };
  isBaseFullyDefined(): boolean;
}

interface VersionCapability {
  /** The vector's prefix (v2 vectors have none). */
  readonly prefix: string | undefined;
  readonly create: (vector: string) => Scorer;
  /** Lower bounds, highest first. */
  readonly ratings: readonly (readonly [number, CvssRating])[];
}

const RATINGS_V3_V4 = [[9, 'critical'], [7, 'high'], [4, 'medium'], [0.1, 'low'], [0, 'none']] as const;

const VERSIONS: Readonly<Record<CvssVersion, VersionCapability>> = {
  '2.0': { prefix: undefined, create: (v) => new calculator.Cvss2(v) as unknown as Scorer, ratings: [[7, 'high'], [4, 'medium'], [0, 'low']] },
  '3.0': { prefix: 'CVSS:3.0/', create: (v) => new calculator.Cvss3P0(v) as unknown as Scorer, ratings: RATINGS_V3_V4 },
  '3.1': { prefix: 'CVSS:3.1/', create: (v) => new calculator.Cvss3P1(v) as unknown as Scorer, ratings: RATINGS_V3_V4 },
  '4.0': { prefix: 'CVSS:4.0/', create: (v) => new calculator.Cvss4P0(v) as unknown as Scorer, ratings: RATINGS_V3_V4 },
};

/** A v2 base vector: the six base metrics, optionally in parentheses (as NVD sometimes writes it). */
const V2_BASE = /^\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC](\/[A-Za-z]+:[A-Z]+)*\)?$/u;

/** The version a vector is written in, from its prefix (or its v2 shape); undefined when it is no CVSS vector. */
export function cvssVersionOf(vector: string): CvssVersion | undefined {
  const v = vector.trim();
  for (const [version, cap] of Object.entries(VERSIONS) as [CvssVersion, VersionCapability][]) {
    if (cap.prefix !== undefined && v.startsWith(cap.prefix)) return version;
  }
  return V2_BASE.test(v) ? '2.0' : undefined;
}

/**
 * The base score of a complete base vector, or undefined (unknown version, unknown or missing base metric,
 * malformed text). Never guesses: a partial vector is not scored.
 */
export function cvssScore(vector: string): CvssScore | undefined {
  const trimmed = vector.trim();
  const version = cvssVersionOf(trimmed);
  if (version === undefined) return undefined;
  const cap = VERSIONS[version];
  const text = version === '2.0' ? trimmed.replace(/^\((.*)\)$/u, '$1') : trimmed;
  let scorer: Scorer;
  try {
    scorer = cap.create(text);
    if (!scorer.isBaseFullyDefined()) return undefined;
  } catch {
    return undefined;
  }
  const scores = scorer.calculateScores();
  const score = scores.base ?? scores.overall;
  if (score === undefined || !Number.isFinite(score)) return undefined;
  return { version, vector: trimmed, score, rating: ratingOf(version, score) };
}

export function ratingOf(version: CvssVersion, score: number): CvssRating {
  for (const [floor, rating] of VERSIONS[version].ratings) if (score >= floor) return rating;
  return VERSIONS[version].ratings.at(-1)?.[1] ?? 'none';
}

/** OSV severity types and the versions they may carry (a CVSS_V3 entry with a 4.0 vector is not trusted). */
export const OSV_CVSS_TYPES: Readonly<Record<string, readonly CvssVersion[]>> = {
  CVSS_V2: ['2.0'],
  CVSS_V3: ['3.0', '3.1'],
  CVSS_V4: ['4.0'],
};
