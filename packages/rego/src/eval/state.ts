/** Evaluation state shared by the evaluator's layers: options, the per-query caches, `with` overrides and mocks. */
import { DocNode } from '../compile/compiler.js';
import type { Value } from '../value/types.js';

/** Continuation: returns true to stop the search. */
export type K = () => boolean;
export type KV = (v: Value) => boolean;

export const IN_PROGRESS = Symbol('in-progress');
export const EMPTY_NODE = new DocNode([]);

export interface EvalOptions {
  readonly input: Value | undefined;
  readonly data: Value;
  readonly strictBuiltinErrors: boolean;
  readonly print: (line: string) => void;
  readonly nowNs: bigint;
  /** Absolute deadline in ms (performance.now()), or Infinity. */
  readonly deadline: number;
  /** The limit as given, for the error message. */
  readonly timeoutMs?: number;
  readonly maxDepth: number;
}

/** A `with` replacement of a function or builtin: another function, or a value. */
export interface Mock {
  readonly fn?: string;
  readonly value?: Value;
}

export interface State {
  input: Value | undefined;
  /** `with data.x.y as v`: dotted path below data -> value. */
  overrides: Map<string, Value>;
  mocks: Map<string, Mock>;
  cache: Map<DocNode, Value | undefined | typeof IN_PROGRESS>;
  fnCache: Map<string, Value | undefined>;
}
