/**
 * The root manifest's `resolutions` (`"trim": "1.0.1"`, `"parent/child": "^2"`, `"**\/child@^1": "1.2.3"`).
 * Berry locks the overridden descriptor (`trim@npm:1.0.1`) while the dependent keeps declaring the original
 * range (`trim: npm:0.0.1`), so a lookup that misses retries with the override.
 */
import { splitDescriptor } from './descriptor.js';

interface Rule {
  readonly parent: string | undefined;
  readonly name: string;
  readonly range: string | undefined;
  readonly value: string;
}

export type Override = (depName: string, depRange: string, ownerName: string | undefined) => string | undefined;

export function resolutionsOverride(resolutions: Readonly<Record<string, string>>): Override | undefined {
  const rules: Rule[] = [];
  for (const [pattern, value] of Object.entries(resolutions)) {
    const rule = parseRule(pattern, value);
    if (rule !== undefined) rules.push(rule);
  }
  if (rules.length === 0) return undefined;
  return (depName, depRange, ownerName) => {
    let best: Rule | undefined;
    for (const rule of rules) {
      if (rule.name !== depName) continue;
      if (rule.range !== undefined && rule.range !== depRange && `npm:${rule.range}` !== depRange) continue;
      if (rule.parent !== undefined && rule.parent !== ownerName) continue;
      // The most specific rule wins: a parent or a range beats a bare name.
      if (best === undefined || specificity(rule) > specificity(best)) best = rule;
    }
    return best?.value;
  };
}

function specificity(rule: Rule): number {
  return (rule.parent !== undefined ? 2 : 0) + (rule.range !== undefined ? 1 : 0);
}

/** `[**\/][parent[@range]/]name[@range]`; scoped names span two path segments. */
function parseRule(pattern: string, value: string): Rule | undefined {
  const segments = pattern.replace(/^(\*\*\/)+/, '').split('/');
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment.startsWith('@') && !segment.slice(1).includes('@') && i + 1 < segments.length) {
      parts.push(`${segment}/${segments[i + 1] as string}`);
      i++;
    } else parts.push(segment);
  }
  const target = parts[parts.length - 1];
  if (target === undefined || parts.length > 2) return undefined;
  const child = withRange(target);
  const parent = parts.length === 2 ? withRange(parts[0] as string).name : undefined;
  return child.name === '' ? undefined : { parent, name: child.name, range: child.range, value };
}

function withRange(text: string): { name: string; range: string | undefined } {
  const d = splitDescriptor(text);
  return d === undefined ? { name: text, range: undefined } : { name: d.name, range: d.range };
}
