/** The default builtins: one line per family. */
import { BuiltinRegistry } from './registry.js';
import { AGGREGATES_BUILTINS } from './aggregates.js';
import { ARRAYS_BUILTINS } from './arrays.js';
import { CRYPTO_BUILTINS } from './crypto.js';
import { ENCODING_BUILTINS } from './encoding.js';
import { GRAPH_BUILTINS } from './graph.js';
import { INTERNAL_BUILTINS } from './internal.js';
import { NET_BUILTINS } from './net.js';
import { NUMBERS_BUILTINS } from './numbers.js';
import { OBJECTS_BUILTINS } from './objects.js';
import { OPERATORS_BUILTINS } from './operators.js';
import { REGEX_BUILTINS } from './regex.js';
import { SEMVER_BUILTINS } from './semver.js';
import { SETS_BUILTINS } from './sets.js';
import { STRINGS_BUILTINS } from './strings.js';
import { TIME_BUILTINS } from './time.js';
import { TYPES_BUILTINS } from './types.js';
import { UNITS_BUILTINS } from './units.js';
import { UUID_BUILTINS } from './uuid.js';

const FAMILIES = [
  OPERATORS_BUILTINS,
  AGGREGATES_BUILTINS,
  TYPES_BUILTINS,
  INTERNAL_BUILTINS,
  ARRAYS_BUILTINS,
  OBJECTS_BUILTINS,
  SETS_BUILTINS,
  STRINGS_BUILTINS,
  REGEX_BUILTINS,
  ENCODING_BUILTINS,
  NUMBERS_BUILTINS,
  TIME_BUILTINS,
  SEMVER_BUILTINS,
  CRYPTO_BUILTINS,
  UNITS_BUILTINS,
  UUID_BUILTINS,
  NET_BUILTINS,
  GRAPH_BUILTINS,
];

/** A fresh registry holding every default builtin. */
export function defaultBuiltins(): BuiltinRegistry {
  const r = new BuiltinRegistry();
  for (const family of FAMILIES) r.register(...family);
  return r;
}
