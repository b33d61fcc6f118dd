/** Executable GraphQL documents parsed into the shape of gqlparser's AST as OPA exposes it. */
import { TokenStream } from './token-stream.js';
import type { Value } from '../../../value/types.js';

export type Obj = Record<string, Value>;

/** Source positions of AST nodes (kept out of the AST itself, as OPA's JSON leaves them out). */
export const POSITIONS = new WeakMap<object, { line: number; col: number }>();

/** An AST node: absent, null and empty-list fields are left out, like OPA's JSON of gqlparser structs. */
export function node(fields: Record<string, Value | undefined>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

export const VALUE_KIND = { Variable: 0, Int: 1, Float: 2, String: 3, BlockString: 4, Boolean: 5, Null: 6, Enum: 7, List: 8, Object: 9 } as const;

export const DIRECTIVE_LOCATIONS = new Set([
  'QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD', 'FRAGMENT_DEFINITION', 'FRAGMENT_SPREAD', 'INLINE_FRAGMENT', 'VARIABLE_DEFINITION', 'SCHEMA', 'SCALAR', 'OBJECT',
  'FIELD_DEFINITION', 'ARGUMENT_DEFINITION', 'INTERFACE', 'UNION', 'ENUM', 'ENUM_VALUE', 'INPUT_OBJECT', 'INPUT_FIELD_DEFINITION',
]);

export class QueryParser extends TokenStream {
  // ---- executable documents
  queryDocument(): Obj {
    const operations: Value[] = [];
    const fragments: Value[] = [];
    while (this.peek().kind !== 'EOF') {
      const t = this.peek();
      if (this.is('{')) operations.push(this.operation());
      else if (t.kind === 'Name' && (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription')) operations.push(this.operation());
      else if (t.kind === 'Name' && t.value === 'fragment') fragments.push(this.fragmentDefinition());
      else throw this.unexpected(t);
    }
    return node({ Operations: operations, Fragments: fragments });
  }
  protected operation(): Obj {
    const start = this.peek();
    const op = this.operationInner();
    POSITIONS.set(op, { line: start.line, col: start.col });
    return op;
  }
  protected operationInner(): Obj {
    if (this.is('{')) return node({ Operation: 'query', Name: '', SelectionSet: this.selectionSet() });
    const op = this.operationType();
    const name = this.peek().kind === 'Name' ? this.name() : '';
    return node({ Operation: op, Name: name, VariableDefinitions: this.variableDefinitions(), Directives: this.directives(false), SelectionSet: this.selectionSet() });
  }
  protected operationType(): string {
    const t = this.peek();
    if (t.kind === 'Name' && (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription')) return this.next().value;
    throw this.unexpected(t);
  }
  protected variableDefinitions(): Value[] {
    return this.is('(') ? this.many('(', ')', () => this.variableDefinition()) : [];
  }
  protected variableDefinition(): Obj {
    const start = this.peek();
    const v = this.variableDefinitionInner();
    POSITIONS.set(v, { line: start.line, col: start.col });
    return v;
  }
  protected variableDefinitionInner(): Obj {
    this.expect('$');
    const variable = this.name();
    this.expect(':');
    const type = this.typeReference();
    const dflt = this.skip('=') ? this.value(true) : undefined;
    return node({ Variable: variable, Type: type, DefaultValue: dflt, Directives: this.directives(true), Used: false });
  }
  protected selectionSet(): Value[] {
    return this.some('{', '}', () => this.selection());
  }
  protected selection(): Obj {
    return this.is('...') ? this.fragment() : this.field();
  }
  protected field(): Obj {
    const start = this.peek();
    const first = this.name();
    let alias = first;
    let name = first;
    if (this.skip(':')) name = this.name();
    else alias = first;
    const f = node({ Alias: alias, Name: name, Arguments: this.arguments(false), Directives: this.directives(false), SelectionSet: this.is('{') ? this.selectionSet() : undefined });
    POSITIONS.set(f, { line: start.line, col: start.col });
    return f;
  }
  protected arguments(isConst: boolean): Value[] {
    return this.is('(') ? this.many('(', ')', () => this.argument(isConst)) : [];
  }
  protected argument(isConst: boolean): Obj {
    const name = this.name();
    this.expect(':');
    return node({ Name: name, Value: this.value(isConst) });
  }
  protected fragment(): Obj {
    const start = this.peek();
    const f = this.fragmentInner();
    POSITIONS.set(f, { line: start.line, col: start.col });
    return f;
  }
  protected fragmentInner(): Obj {
    this.expect('...');
    const t = this.peek();
    if (t.kind === 'Name' && t.value !== 'on') return node({ Name: this.fragmentName(), Directives: this.directives(false) });
    let typeCondition = '';
    if (this.isKeyword('on')) {
      this.next();
      typeCondition = this.name();
    }
    return node({ TypeCondition: typeCondition, Directives: this.directives(false), SelectionSet: this.selectionSet() });
  }
  protected fragmentDefinition(): Obj {
    const start = this.peek();
    const f = this.fragmentDefinitionInner();
    POSITIONS.set(f, { line: start.line, col: start.col });
    return f;
  }
  protected fragmentDefinitionInner(): Obj {
    this.expectKeyword('fragment');
    const name = this.fragmentName();
    const vars = this.variableDefinitions();
    this.expectKeyword('on');
    const typeCondition = this.name();
    return node({ Name: name, VariableDefinition: vars, TypeCondition: typeCondition, Directives: this.directives(false), SelectionSet: this.selectionSet() });
  }
  protected fragmentName(): string {
    if (this.isKeyword('on')) throw this.unexpected();
    return this.name();
  }
  value(isConst: boolean): Obj {
    const t = this.peek();
    const scalar = (kind: number, raw: string): Obj => node({ Raw: raw, Kind: kind, ExpectedTypeHasDefault: false });
    if (t.kind === 'Punct') {
      if (t.value === '[') {
        const children = this.many('[', ']', () => node({ Name: '', Value: this.value(isConst) }));
        return node({ Raw: '', Children: children, Kind: VALUE_KIND.List, ExpectedTypeHasDefault: false });
      }
      if (t.value === '{') {
        const children = this.many('{', '}', () => {
          const name = this.name();
          this.expect(':');
          return node({ Name: name, Value: this.value(isConst) });
        });
        return node({ Raw: '', Children: children, Kind: VALUE_KIND.Object, ExpectedTypeHasDefault: false });
      }
      if (t.value === '$' && !isConst) {
        this.next();
        return scalar(VALUE_KIND.Variable, this.name());
      }
      throw this.unexpected(t);
    }
    switch (t.kind) {
      case 'Int':
      case 'Float':
      case 'String':
      case 'BlockString':
        this.next();
        return scalar(VALUE_KIND[t.kind], t.value);
      case 'Name':
        this.next();
        if (t.value === 'true' || t.value === 'false') return scalar(VALUE_KIND.Boolean, t.value);
        if (t.value === 'null') return scalar(VALUE_KIND.Null, t.value);
        return scalar(VALUE_KIND.Enum, t.value);
      default:
        throw this.unexpected(t);
    }
  }
  protected directives(isConst: boolean): Value[] {
    const out: Value[] = [];
    while (this.is('@')) {
      this.next();
      out.push(node({ Name: this.name(), Arguments: this.arguments(isConst), Location: '' }));
    }
    return out;
  }
  protected typeReference(): Obj {
    let type: Obj;
    if (this.skip('[')) {
      const elem = this.typeReference();
      this.expect(']');
      type = { NamedType: '', Elem: elem, NonNull: false };
    } else type = { NamedType: this.name(), NonNull: false };
    if (this.skip('!')) type.NonNull = true;
    return type;
  }
}
