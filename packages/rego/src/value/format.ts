/** OPA's textual form of a value (as Rego prints terms): `[1, 2]`, `{"a": 1}`, `{1}`, `set()`. */
import { sortedEntries, sortedValues } from './compare.js';
import { kindOf } from './kinds.js';
import { numberKey } from './key.js';
import type { ObjectValue } from './object.js';
import type { RegoSet, Value } from './types.js';

export function formatValue(v: Value): string {
  switch (kindOf(v)) {
    case 'null':
      return 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return numberKey(v as number | bigint);
    case 'string':
      return JSON.stringify(v);
    case 'array':
      return '[' + (v as readonly Value[]).map(formatValue).join(', ') + ']';
    case 'set': {
      const s = v as RegoSet;
      if (s.size === 0) return 'set()';
      return '{' + sortedValues(s).map(formatValue).join(', ') + '}';
    }
    default:
      return '{' + sortedEntries(v as ObjectValue).map(([k, x]) => `${formatValue(k)}: ${formatValue(x)}`).join(', ') + '}';
  }
}
