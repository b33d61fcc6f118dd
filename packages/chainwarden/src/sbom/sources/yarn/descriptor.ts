/**
 * Yarn descriptors (`name@range`, the keys of a lockfile and the values of `dependencies`) and locators
 * (`name@reference`, berry's `resolution`). Pure string work shared by the classic and berry readers.
 */

export interface Descriptor {
  readonly name: string;
  readonly range: string;
}

/** Splits `name@range`; scoped names (`@scope/name@range`) keep their leading `@`. Undefined when malformed. */
export function splitDescriptor(text: string): Descriptor | undefined {
  const at = text.indexOf('@', text.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  const name = text.slice(0, at);
  if (name.startsWith('@') && !name.includes('/')) return undefined;
  return { name, range: text.slice(at + 1) };
}

/** `npm:real@range` (an alias) → the real package name and range; anything else → undefined. */
export function aliasTarget(range: string): Descriptor | undefined {
  if (!range.startsWith('npm:')) return undefined;
  const inner = splitDescriptor(range.slice('npm:'.length));
  return inner !== undefined && inner.name !== '' ? inner : undefined;
}

const PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Berry writes `name@npm:^1.0.0` in lockfiles from v5 on but `name@^1.0.0` in v4, and a dependency value `^1.0.0`
 * means `npm:^1.0.0` (the default protocol). Both sides of a lookup go through this so that they meet.
 */
export function berryDescriptorKey(name: string, range: string): string {
  return PROTOCOL.test(range) ? `${name}@${range}` : `${name}@npm:${range}`;
}

/** The protocol of a range (`npm`, `workspace`, `patch`, `git+https`, ...) or undefined for a bare range. */
export function protocolOf(range: string): string | undefined {
  const m = PROTOCOL.exec(range);
  return m === null ? undefined : m[0].slice(0, -1).toLowerCase();
}

/** `a&b=c` query-like parameters (berry's `#commit=...&workspace=...`, `::version=...&hash=...`). */
export function parseParams(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.set(safeDecode(key), safeDecode(value));
  }
  return out;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
