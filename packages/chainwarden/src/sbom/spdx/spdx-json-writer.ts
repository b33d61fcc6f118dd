import type { Bom } from '../bom.js';

/** Placeholder until the SPDX writer lands. */
export function writeSpdxJson(_bom: Bom): string {
  throw new Error('spdx-json is not implemented yet');
}
