/** The arrays builtin family: array.concat, array.slice, array.reverse, array.flatten. */
import { isArray } from '../value/kinds.js';
import { intOperand } from './support/operands.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

/** One level of nesting removed: `[[1], 2, [[3]]]` -> `[1, 2, [3]]`. */
function flatten(xs: readonly Value[]): Value[] {
  return xs.flatMap((x) => (isArray(x) ? [...x] : [x]));
}

export const ARRAYS_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'array.concat', args: ['array', 'array'], impl: ([a, b]) => [...(a as readonly Value[]), ...(b as readonly Value[])] },
  {
    name: 'array.slice',
    args: ['array', 'number', 'number'],
    impl: ([a, start, stop]) => {
      const xs = a as readonly Value[];
      const from = Math.max(0, intOperand('array.slice', 2, start as Value));
      const to = Math.min(xs.length, intOperand('array.slice', 3, stop as Value));
      return from >= to ? [] : xs.slice(from, to);
    },
  },
  { name: 'array.reverse', args: ['array'], impl: ([a]) => [...(a as readonly Value[])].reverse() },
  { name: 'array.flatten', args: ['array'], impl: ([a]) => flatten(a as readonly Value[]) },
];
