/** The label every synced issue carries: the sync lists issues by it (and finds each by its body marker). */
export const TRACKER_LABEL = 'chainwarden';

const MANAGED = /^(?:chainwarden|overdue|kev|severity:.*|product:.*|status:.*)$/u;

/** Labels chainwarden owns on a synced issue; any other label (added by a person) is kept as it is. */
export function isManagedLabel(name: string): boolean {
  return MANAGED.test(name);
}

/** GitHub label names are at most 50 characters. */
export function labelName(prefix: string, value: string): string {
  const name = `${prefix}${value.replace(/[\s,]+/gu, '-')}`;
  return name.length <= 50 ? name : `${name.slice(0, 49)}…`;
}
