import type { Explanation } from './finding.js';

/** One line of human explanation: `PYSEC-2020-342: versions[] lists 1.0.1`, `GO-…: SEMVER introduced 2.3.1, fixed 2.14.4`. */
export function explainMatch(e: Explanation): string {
  const m = e.matched;
  switch (m.by) {
    case 'version':
      return `${e.advisory}: versions[] lists ${m.entry}`;
    case 'range': {
      const parts = [`introduced ${m.introduced}`];
      if (m.fixed !== undefined) parts.push(`fixed ${m.fixed}`);
      if (m.lastAffected !== undefined) parts.push(`last_affected ${m.lastAffected}`);
      if (m.limit !== undefined) parts.push(`limit ${m.limit}`);
      return `${e.advisory}: ${m.type} range ${parts.join(', ')}`;
    }
    case 'no-version':
      return `${e.advisory}: the component has no version`;
    case 'no-scheme':
      return `${e.advisory}: no version scheme for ${m.ecosystem}, ranges not evaluated`;
  }
}
