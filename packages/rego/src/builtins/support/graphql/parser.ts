/** Entry points: GraphQL query and schema documents to gqlparser-shaped ASTs. */
import { QueryParser } from './query-parser.js';
import { SchemaParser } from './schema-parser.js';
import type { Obj } from './query-parser.js';

export { POSITIONS } from './query-parser.js';

export function parseQueryDocument(src: string): Obj {
  return new QueryParser(src).queryDocument();
}

export function parseSchemaDocument(src: string): Obj {
  return new SchemaParser(src).schemaDocument();
}
