import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExpressionSyntaxError, accessPath, embeddedExpressions, parseExpression } from '../../src/hygiene/scorecard/expression.js';
import { isUntrustedPath, untrustedInputs } from '../../src/hygiene/scorecard/untrusted.js';

test('expression parser: precedence, literals, property/index/star access, calls', () => {
  assert.deepEqual(parseExpression("a || b && !c == 'x'"), {
    kind: 'binary',
    op: '||',
    left: { kind: 'context', name: 'a' },
    right: { kind: 'binary', op: '&&', left: { kind: 'context', name: 'b' }, right: { kind: 'binary', op: '==', left: { kind: 'not', operand: { kind: 'context', name: 'c' } }, right: { kind: 'literal', value: 'x' } } },
  });
  assert.deepEqual(parseExpression("'it''s'"), { kind: 'literal', value: "it's" });
  assert.deepEqual(parseExpression('0xff'), { kind: 'literal', value: 255 });
  assert.deepEqual(parseExpression('1.5e2'), { kind: 'literal', value: 150 });
  assert.deepEqual(parseExpression('null'), { kind: 'literal', value: null });
  assert.deepEqual(accessPath(parseExpression("github.event.commits[0].author['name']")), ['github', 'event', 'commits', '*', 'author', 'name']);
  assert.deepEqual(accessPath(parseExpression('github.event.pull_request.*.body')), ['github', 'event', 'pull_request', '*', 'body']);
  const call = parseExpression("format('{0} {1}', github.head_ref, startsWith(runner.os, 'Win'))");
  assert.equal(call.kind, 'call');
  assert.equal(call.kind === 'call' ? call.args.length : 0, 3);
  assert.deepEqual(parseExpression('(a)[b]'), { kind: 'index', object: { kind: 'context', name: 'a' }, index: { kind: 'context', name: 'b' } });
  assert.deepEqual(parseExpression('x >= 1 && y < 2').kind, 'binary');
});

test('expression parser: syntax errors carry their offset', () => {
  assert.throws(() => parseExpression("github.event.'x'"), (e: unknown) => e instanceof ExpressionSyntaxError && e.offset === 13);
  assert.throws(() => parseExpression("'open"), /unterminated string literal/);
  assert.throws(() => parseExpression('f(a,'), /unexpected end of expression/);
  assert.throws(() => parseExpression('a b'), /unexpected 'b'/);
  assert.throws(() => parseExpression('a # b'), /unexpected character '#'/);
});

test('embedded expressions: several per string, "}}" inside string literals, unterminated ones reported', () => {
  const found = embeddedExpressions("echo ${{ github.head_ref }} and ${{ format('}}{0}', github.event.issue.title) }}");
  assert.deepEqual(found.map((e) => [e.offset, e.source.trim()]), [
    [5, 'github.head_ref'],
    [32, "format('}}{0}', github.event.issue.title)"],
  ]);
  const bad = embeddedExpressions('x ${{ github.event');
  assert.ok(bad[0]?.expr instanceof ExpressionSyntaxError);
});

// Scorecard's TestUntrustedContextVariables (checks/raw/dangerous_workflow_test.go), as data: [expression, untrusted].
const UNTRUSTED_CASES: readonly [string, boolean][] = [
  ['github.action', false],
  ['github.head_ref', true],
  ['github.event.issue.title', true],
  ['github.event.pull_request.body', true],
  ['github.event.pull_request.number', false],
  ['github.event.commits[0].message', true],
  ['github.event.commits[0].id', false],
  ['github.event.commits[2].author.name', true],
  ['github.event.commits[2].author.email', true],
  ['github.event.pull_request.organization.blocked_user.name', true],
  ['github.event.pull_request.organization.blocked_user.email', true],
  ['github.event.discussion.body', true],
  ['github.event.discussion.title', true],
  ['github.event.issue_comment.comment.body', true],
  ['github.event.commit_comment.comment.body', true],
  ['github.event.fork.forkee.name', true],
  ['github.event.fork.forkee.full_name', true],
  ['github.event.fork.forkee.description', true],
  ['github.event.fork.forkee.homepage', true],
  ['github.event.fork.forkee.default_branch', true],
  ['github.event.fork.forkee.id', false],
  ['github.event.workflow_run.head_branch', true],
  ['github.event.workflow_run.display_title', true],
  ['github.event.workflow_run.head_repository.description', true],
  ['github.event.workflow_run.pull_requests[0].head.ref', true],
  ['github.event.workflow_run.id', false],
  ['toJSON(github.event)', true],
  ['toJSON(github)', true],
  ['toJSON(github.event.pull_request)', false],
  ['TOJSON(github.event)', true],
  ['toJSON( github.event )', true],
  ['toJSON(github.repository)', false],
];

test('untrusted inputs: Scorecard\'s untrusted-context cases, decided on the parsed expression', () => {
  for (const [expr, untrusted] of UNTRUSTED_CASES) assert.equal(untrustedInputs(parseExpression(expr)).length > 0, untrusted, expr);
  // Inside other expressions too, and named by their path.
  assert.deepEqual(untrustedInputs(parseExpression("contains(github.event.issue.title, 'x') && github.event.pull_request.head.ref")), ['github.event.issue.title', 'github.event.pull_request.head.ref']);
  assert.equal(isUntrustedPath(['github', 'event', 'issue', 'number']), false);
  // A string literal that merely looks like a context is not one.
  assert.deepEqual(untrustedInputs(parseExpression("'github.event.issue.title'")), []);
});
