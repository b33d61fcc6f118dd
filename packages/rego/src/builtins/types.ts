/** Type tests: is_*, type_name. */
import { kindOf } from '../value/kinds.js';
import type { Kind } from '../value/kinds.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const is = (name: string, kind: Kind): BuiltinDecl => ({
  name,
  args: ['any'],
  impl: ([v]) => (kindOf(v as Value) === kind ? true : false),
});

export const TYPES_BUILTINS: readonly BuiltinDecl[] = [
  is('is_number', 'number'),
  is('is_string', 'string'),
  is('is_boolean', 'boolean'),
  is('is_array', 'array'),
  is('is_set', 'set'),
  is('is_object', 'object'),
  is('is_null', 'null'),
  { name: 'type_name', args: ['any'], impl: ([v]) => kindOf(v as Value) },
];
