/** chainwarden's own Rego builtins, added to the engine's defaults for every policy it evaluates. */
import type { BuiltinDecl } from '@chainwarden/rego';
import { PURL_BUILTINS } from './purl.js';
import { SPDX_BUILTINS } from './spdx.js';
import { VERSION_BUILTINS } from './versions.js';

export const CHAINWARDEN_BUILTINS: readonly BuiltinDecl[] = [...PURL_BUILTINS, ...SPDX_BUILTINS, ...VERSION_BUILTINS];
