/** A small schema language for chainwarden.yaml: strict objects, typed leaves, enums. Data, not code. */
export type Schema =
  | {
      readonly type: 'string';
      readonly enum?: readonly string[];
      /** A regular expression the whole value must match, and what it means (for the message). */
      readonly pattern?: { readonly regex: string; readonly means: string };
      readonly description?: string;
    }
  | { readonly type: 'boolean'; readonly description?: string }
  | { readonly type: 'integer'; readonly minimum?: number; readonly description?: string }
  | { readonly type: 'array'; readonly items: Schema; readonly description?: string }
  | {
      readonly type: 'object';
      readonly properties: Readonly<Record<string, Schema>>;
      readonly required?: readonly string[];
      readonly description?: string;
    }
  /** A mapping with keys chosen by the user (e.g. package names), every value of one schema. */
  | { readonly type: 'map'; readonly values: Schema; readonly description?: string };

export interface SchemaIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** True when the issue is about a key itself (unknown key) rather than its value. */
  readonly atKey?: boolean;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** Validates a value; returns the first issue found (depth-first, in document order) or undefined. */
export function validate(schema: Schema, value: unknown, path: (string | number)[] = []): SchemaIssue | undefined {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return { path, message: `expected a string, got ${typeName(value)}` };
      if (schema.enum !== undefined && !schema.enum.includes(value)) return { path, message: `"${value}" is not one of ${schema.enum.map((e) => `"${e}"`).join(', ')}` };
      if (schema.pattern !== undefined && !new RegExp(`^(?:${schema.pattern.regex})$`, 'u').test(value)) {
        return { path, message: `"${value}" is not ${schema.pattern.means}` };
      }
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { path, message: `expected true or false, got ${typeName(value)}` };
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { path, message: `expected an integer, got ${typeName(value)}` };
      if (schema.minimum !== undefined && value < schema.minimum) return { path, message: `must be at least ${schema.minimum}` };
      return undefined;
    case 'array':
      if (!Array.isArray(value)) return { path, message: `expected a list, got ${typeName(value)}` };
      for (let i = 0; i < value.length; i++) {
        const issue = validate(schema.items, value[i], [...path, i]);
        if (issue !== undefined) return issue;
      }
      return undefined;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { path, message: `expected a mapping, got ${typeName(value)}` };
      for (const [key, child] of Object.entries(value)) {
        const childSchema = schema.properties[key];
        if (childSchema === undefined) {
          const known = Object.keys(schema.properties);
          return { path: [...path, key], atKey: true, message: `unknown key "${key}"${known.length > 0 ? ` (known keys: ${known.join(', ')})` : ''}` };
        }
        const issue = validate(childSchema, child, [...path, key]);
        if (issue !== undefined) return issue;
      }
      const missing = schema.required?.find((key) => !(key in value));
      if (missing !== undefined) return { path, message: `missing key "${missing}"` };
      return undefined;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { path, message: `expected a mapping, got ${typeName(value)}` };
      for (const [key, child] of Object.entries(value)) {
        const issue = validate(schema.values, child, [...path, key]);
        if (issue !== undefined) return issue;
      }
      return undefined;
    }
  }
}
