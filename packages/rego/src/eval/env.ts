/** Variable bindings of one rule body (shared with its comprehensions; bindings are undone on backtracking). */
import type { Value } from '../value/types.js';

export class Env {
  readonly vars = new Map<string, Value>();
}
