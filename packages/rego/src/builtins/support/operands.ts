/** Operand checks shared by the builtin families, with OPA's wording. */
import { isIntegral } from '../../value/num.js';
import { BuiltinTypeError } from '../../errors.js';
import { sortedValues } from '../../value/compare.js';
import { isSet, kindOf } from '../../value/kinds.js';
import type { Value } from '../../value/types.js';

export function operandError(name: string, pos: number, message: string): BuiltinTypeError {
  return new BuiltinTypeError(`${name}: operand ${pos} ${message}`);
}

/** An integral number operand as a JS number (OPA: `must be integer number but got floating-point number`). */
export function intOperand(name: string, pos: number, v: Value): number {
  if (kindOf(v) !== 'number') throw operandError(name, pos, `must be number but got ${kindOf(v)}`);
  if (!isIntegral(v as number | bigint)) throw operandError(name, pos, 'must be integer number but got floating-point number');
  return Number(v);
}

/** The elements of an array or set (sets in sorted order). */
export function elements(v: Value): readonly Value[] {
  return isSet(v) ? sortedValues(v) : (v as readonly Value[]);
}

/** Strings of an array or set operand (`must be array of strings but got array containing number`). */
export function stringElements(name: string, pos: number, v: Value): string[] {
  const kind = kindOf(v);
  const xs = elements(v);
  for (const x of xs) if (typeof x !== 'string') throw operandError(name, pos, `must be ${kind} of strings but got ${kind} containing ${kindOf(x)}`);
  return xs as string[];
}

/** Checks a union operand with OPA's declared order (`must be one of {string, set, array} but got number`). */
export function oneOf(name: string, pos: number, v: Value, kinds: readonly string[]): void {
  if (!kinds.includes(kindOf(v))) throw operandError(name, pos, `must be one of {${kinds.join(', ')}} but got ${kindOf(v)}`);
}

/** Code points of a string (Rego indexes strings by code point). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
