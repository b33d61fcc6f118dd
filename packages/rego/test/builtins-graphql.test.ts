import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callBuiltin } from './helpers/call-builtin.js';
import type { Value } from '../src/index.js';

const call = callBuiltin;

const SCHEMA = `
  type Query { user(id: ID!): User, users: [User!]! }
  type User { id: ID!, name: String, friends: [User] }
`;

test('graphql.parse_query keeps gqlparser AST field names and value kinds', () => {
  const ast = call('graphql.parse_query', 'query Q($n: Int = 3) { users @skip(if: false) { ...F } } fragment F on User { id }') as Record<string, Value[]>;
  const op = ast.Operations?.[0] as Record<string, Value>;
  assert.equal(op.Name, 'Q');
  assert.deepEqual(op.VariableDefinitions, [{ Variable: 'n', Type: { NamedType: 'Int', NonNull: false }, DefaultValue: { Raw: '3', Kind: 1, ExpectedTypeHasDefault: false }, Used: false }]);
  assert.deepEqual((ast.Fragments?.[0] as Record<string, Value>).TypeCondition, 'User');
  assert.throws(() => call('graphql.parse_query', 'query { a(x: "open) }'), /graphql.parse_query: Unexpected <Invalid> in GraphQL string at location 1:14/);
});

test('graphql.is_valid checks fields, arguments, leaves, variables and fragments against the schema', () => {
  assert.equal(call('graphql.is_valid', '{ user(id: 1) { name friends { id } } }', SCHEMA), true);
  assert.equal(call('graphql.is_valid', '{ user(id: 1) { age } }', SCHEMA), false);
  assert.equal(call('graphql.is_valid', '{ user { name } }', SCHEMA), false);
  assert.equal(call('graphql.is_valid', '{ users }', SCHEMA), false);
  assert.equal(call('graphql.is_valid', 'query($id: ID!) { users { id } }', SCHEMA), false);
  assert.equal(call('graphql.is_valid', '{ users { ...Missing } }', SCHEMA), false);
  assert.throws(() => call('graphql.parse', '{ user(id: 1) { age } }', SCHEMA), /Cannot query field "age" on type "User" in GraphQL string at location 1:17/);
  assert.deepEqual(call('graphql.parse_and_verify', '{ users { x } }', SCHEMA), [false, {}, {}]);
});

test('graphql.schema_is_valid: undefined types, empty unions, unimplemented interface fields', () => {
  assert.equal(call('graphql.schema_is_valid', SCHEMA), true);
  assert.equal(call('graphql.schema_is_valid', 'type Query { a: Missing }'), false);
  assert.equal(call('graphql.schema_is_valid', 'interface I { a: Int } type T implements I { b: Int }'), false);
  assert.equal(call('graphql.schema_is_valid', call('graphql.parse_schema', SCHEMA) as Value), true);
});
