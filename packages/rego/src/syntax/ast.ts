/** The Rego abstract syntax tree. */
import type { Location } from '../errors.js';
import type { Value } from '../value/types.js';

export type Term =
  | { readonly type: 'scalar'; readonly value: Value; readonly loc: Location }
  | { readonly type: 'var'; readonly name: string; readonly loc: Location }
  | { readonly type: 'ref'; readonly head: Term; readonly path: readonly Term[]; readonly loc: Location }
  | { readonly type: 'array'; readonly items: readonly Term[]; readonly loc: Location }
  | { readonly type: 'set'; readonly items: readonly Term[]; readonly loc: Location }
  | { readonly type: 'object'; readonly entries: readonly (readonly [Term, Term])[]; readonly loc: Location }
  | { readonly type: 'arraycompr' | 'setcompr'; readonly term: Term; readonly body: Body; readonly loc: Location }
  | { readonly type: 'objectcompr'; readonly key: Term; readonly value: Term; readonly body: Body; readonly loc: Location }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly Term[]; readonly loc: Location }
  /** `$"...{expr}..."`; an expression with `with` modifiers is a one-element array comprehension, flagged in `scoped`. */
  | { readonly type: 'template'; readonly parts: readonly (string | Term)[]; readonly scoped?: readonly boolean[]; readonly loc: Location };

export type TermOf<T extends Term['type']> = Extract<Term, { type: T }>;

export interface With {
  readonly target: Term;
  readonly value: Term;
  readonly loc: Location;
}

export type Expr =
  | { readonly type: 'term'; readonly term: Term }
  | { readonly type: 'unify'; readonly left: Term; readonly right: Term; readonly assign: boolean }
  | { readonly type: 'some'; readonly vars: readonly TermOf<'var'>[] }
  | { readonly type: 'somein'; readonly key: Term | null; readonly value: Term; readonly domain: Term }
  | { readonly type: 'every'; readonly key: Term | null; readonly value: Term; readonly domain: Term; readonly body: Body }
  /** `{ body }` used as a literal: true when the body has a solution; bindings stay inside. */
  | { readonly type: 'group'; readonly body: Body }
  /** Experimental `a and b` / `a or b` over literals: succeeds at most once. */
  | { readonly type: 'logic'; readonly op: 'and' | 'or'; readonly left: Literal; readonly right: Literal };

export interface Literal {
  readonly expr: Expr;
  readonly negated: boolean;
  readonly with: readonly With[];
  readonly loc: Location;
  /** Query expressions only: a var that receives the expression's value (OPA's `expressions[i].value`). */
  readonly capture?: string;
  /** With `capture`: a captured `false` fails the query (OPA does so when the query iterates or has several expressions). */
  readonly checkCapture?: boolean;
}

export type Body = readonly Literal[];

export type RuleKind = 'complete' | 'partialset' | 'function';

export interface Rule {
  /** Head reference relative to the package: first element is a var term (the rule name). */
  readonly ref: readonly Term[];
  readonly args: readonly Term[] | null;
  /** Set element for `contains` rules. */
  readonly key: Term | null;
  readonly value: Term;
  readonly body: Body;
  readonly isDefault: boolean;
  readonly assign: boolean;
  readonly elses: readonly ElseClause[];
  readonly kind: RuleKind;
  readonly loc: Location;
  /** Annotations from a METADATA comment block, if any. */
  readonly annotations: Annotations | null;
}

export interface ElseClause {
  readonly value: Term;
  readonly body: Body;
  readonly loc: Location;
}

export type Annotations = Readonly<Record<string, Value>>;

export interface Import {
  readonly path: readonly string[];
  readonly alias: string | null;
  readonly loc: Location;
}

export interface Module {
  readonly file: string;
  readonly packagePath: readonly string[];
  readonly imports: readonly Import[];
  readonly rules: readonly Rule[];
  readonly annotations: readonly { readonly scope: string; readonly target: string; readonly data: Annotations; readonly loc: Location }[];
  readonly loc: Location;
}
