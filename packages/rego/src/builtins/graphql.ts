/** graphql.* builtins: parsing queries and schemas into gqlparser-shaped ASTs, schema and query validation. */
import { fail } from './registry.js';
import { parseQueryDocument, parseSchemaDocument } from './support/graphql/parser.js';
import { buildSchema } from './support/graphql/schema.js';
import { validateQuery } from './support/graphql/validate.js';
import type { Obj, Schema } from './support/graphql/schema.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

function guard<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

const queryAst = (q: Value): Obj => (typeof q === 'string' ? parseQueryDocument(q) : (q as Obj));
const schemaAst = (s: Value): Obj => (typeof s === 'string' ? parseSchemaDocument(s) : (s as Obj));

/** Parses and validates; returns both ASTs, throws on the first problem. */
function parseAndValidate(q: Value, s: Value): [Obj, Obj] {
  const sAst = schemaAst(s);
  const schema: Schema = buildSchema(sAst);
  const qAst = queryAst(q);
  validateQuery(schema, qAst);
  return [qAst, sAst];
}

function succeeds(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch {
    return false;
  }
}

const QS: ['string', 'object'] = ['string', 'object'];

export const GRAPHQL_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'graphql.parse_query', args: ['string'], impl: ([q]) => guard('graphql.parse_query', () => parseQueryDocument(q as string)) },
  { name: 'graphql.parse_schema', args: ['string'], impl: ([s]) => guard('graphql.parse_schema', () => parseSchemaDocument(s as string)) },
  { name: 'graphql.schema_is_valid', args: [QS], impl: ([s]) => succeeds(() => buildSchema(schemaAst(s as Value))) },
  { name: 'graphql.is_valid', args: [QS, QS], impl: ([q, s]) => succeeds(() => parseAndValidate(q as Value, s as Value)) },
  { name: 'graphql.parse', args: [QS, QS], impl: ([q, s]) => guard('graphql.parse', () => parseAndValidate(q as Value, s as Value)) },
  {
    name: 'graphql.parse_and_verify',
    args: [QS, QS],
    impl: ([q, s]) => {
      try {
        const [qa, sa] = parseAndValidate(q as Value, s as Value);
        return [true, qa, sa];
      } catch {
        return [false, {}, {}];
      }
    },
  },
];

