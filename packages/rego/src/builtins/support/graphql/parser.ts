/** GraphQL documents (executable and SDL) parsed into the shape of gqlparser's AST as OPA exposes it. */
import { describe, GraphqlError, tokenize } from './lexer.js';
import type { Token } from './lexer.js';
import type { Value } from '../../../value/types.js';

type Obj = Record<string, Value>;

/** Source positions of AST nodes (kept out of the AST itself, as OPA's JSON leaves them out). */
export const POSITIONS = new WeakMap<object, { line: number; col: number }>();

/** An AST node: absent, null and empty-list fields are left out, like OPA's JSON of gqlparser structs. */
function node(fields: Record<string, Value | undefined>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

export const VALUE_KIND = { Variable: 0, Int: 1, Float: 2, String: 3, BlockString: 4, Boolean: 5, Null: 6, Enum: 7, List: 8, Object: 9 } as const;

const DIRECTIVE_LOCATIONS = new Set([
  'QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD', 'FRAGMENT_DEFINITION', 'FRAGMENT_SPREAD', 'INLINE_FRAGMENT', 'VARIABLE_DEFINITION', 'SCHEMA', 'SCALAR', 'OBJECT',
  'FIELD_DEFINITION', 'ARGUMENT_DEFINITION', 'INTERFACE', 'UNION', 'ENUM', 'ENUM_VALUE', 'INPUT_OBJECT', 'INPUT_FIELD_DEFINITION',
]);

class Parser {
  private i = 0;
  private readonly toks: Token[];
  constructor(src: string) {
    this.toks = tokenize(src);
  }

  private peek(): Token {
    return this.toks[Math.min(this.i, this.toks.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length) this.i++;
    return t;
  }
  private fail(t: Token, message: string): GraphqlError {
    return new GraphqlError(message, t.line, t.col);
  }
  unexpected(t: Token = this.peek()): GraphqlError {
    return this.fail(t, `Unexpected ${describe(t)}`);
  }
  private is(p: string): boolean {
    const t = this.peek();
    return t.kind === 'Punct' && t.value === p;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'Name' && t.value === word;
  }
  private skip(p: string): boolean {
    if (!this.is(p)) return false;
    this.next();
    return true;
  }
  private expect(p: string): Token {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (!(t.kind === 'Punct' && t.value === p)) throw this.fail(t, `Expected ${p}, found ${describe(t)}`);
    return this.next();
  }
  private expectKeyword(word: string): void {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (!(t.kind === 'Name' && t.value === word)) throw this.fail(t, `Expected "${word}", found ${describe(t)}`);
    this.next();
  }
  name(): string {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (t.kind !== 'Name') throw this.fail(t, `Expected Name, found ${describe(t)}`);
    return this.next().value;
  }
  /** `open item* close` (zero or more). */
  private many<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    const out: T[] = [];
    while (!this.skip(close)) out.push(item());
    return out;
  }
  /** `open item+ close`. */
  private some<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    if (this.is(close)) throw this.fail(this.peek(), `expected at least one definition, found ${describe(this.peek())}`);
    const out: T[] = [];
    while (!this.skip(close)) out.push(item());
    return out;
  }

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
  private operation(): Obj {
    const start = this.peek();
    const op = this.operationInner();
    POSITIONS.set(op, { line: start.line, col: start.col });
    return op;
  }
  private operationInner(): Obj {
    if (this.is('{')) return node({ Operation: 'query', Name: '', SelectionSet: this.selectionSet() });
    const op = this.operationType();
    const name = this.peek().kind === 'Name' ? this.name() : '';
    return node({ Operation: op, Name: name, VariableDefinitions: this.variableDefinitions(), Directives: this.directives(false), SelectionSet: this.selectionSet() });
  }
  private operationType(): string {
    const t = this.peek();
    if (t.kind === 'Name' && (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription')) return this.next().value;
    throw this.unexpected(t);
  }
  private variableDefinitions(): Value[] {
    return this.is('(') ? this.many('(', ')', () => this.variableDefinition()) : [];
  }
  private variableDefinition(): Obj {
    const start = this.peek();
    const v = this.variableDefinitionInner();
    POSITIONS.set(v, { line: start.line, col: start.col });
    return v;
  }
  private variableDefinitionInner(): Obj {
    this.expect('$');
    const variable = this.name();
    this.expect(':');
    const type = this.typeReference();
    const dflt = this.skip('=') ? this.value(true) : undefined;
    return node({ Variable: variable, Type: type, DefaultValue: dflt, Directives: this.directives(true), Used: false });
  }
  private selectionSet(): Value[] {
    return this.some('{', '}', () => this.selection());
  }
  private selection(): Obj {
    return this.is('...') ? this.fragment() : this.field();
  }
  private field(): Obj {
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
  private arguments(isConst: boolean): Value[] {
    return this.is('(') ? this.many('(', ')', () => this.argument(isConst)) : [];
  }
  private argument(isConst: boolean): Obj {
    const name = this.name();
    this.expect(':');
    return node({ Name: name, Value: this.value(isConst) });
  }
  private fragment(): Obj {
    const start = this.peek();
    const f = this.fragmentInner();
    POSITIONS.set(f, { line: start.line, col: start.col });
    return f;
  }
  private fragmentInner(): Obj {
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
  private fragmentDefinition(): Obj {
    const start = this.peek();
    const f = this.fragmentDefinitionInner();
    POSITIONS.set(f, { line: start.line, col: start.col });
    return f;
  }
  private fragmentDefinitionInner(): Obj {
    this.expectKeyword('fragment');
    const name = this.fragmentName();
    const vars = this.variableDefinitions();
    this.expectKeyword('on');
    const typeCondition = this.name();
    return node({ Name: name, VariableDefinition: vars, TypeCondition: typeCondition, Directives: this.directives(false), SelectionSet: this.selectionSet() });
  }
  private fragmentName(): string {
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
  private directives(isConst: boolean): Value[] {
    const out: Value[] = [];
    while (this.is('@')) {
      this.next();
      out.push(node({ Name: this.name(), Arguments: this.arguments(isConst), Location: '' }));
    }
    return out;
  }
  private typeReference(): Obj {
    let type: Obj;
    if (this.skip('[')) {
      const elem = this.typeReference();
      this.expect(']');
      type = { NamedType: '', Elem: elem, NonNull: false };
    } else type = { NamedType: this.name(), NonNull: false };
    if (this.skip('!')) type.NonNull = true;
    return type;
  }

  // ---- schema documents
  schemaDocument(): Obj {
    const doc: Record<string, Value[]> = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] };
    while (this.peek().kind !== 'EOF') {
      const descTok = this.peek();
      const description = this.description();
      const t = this.peek();
      if (t.kind !== 'Name') throw this.unexpected(t);
      switch (t.value) {
        case 'scalar':
        case 'type':
        case 'interface':
        case 'union':
        case 'enum':
        case 'input':
          (doc.Definitions as Value[]).push(this.typeDefinition(description));
          break;
        case 'schema':
          (doc.Schema as Value[]).push(this.schemaDefinition(description));
          break;
        case 'directive':
          (doc.Directives as Value[]).push(this.directiveDefinition(description));
          break;
        case 'extend':
          if (description !== '') throw this.unexpected(descTok);
          this.extension(doc);
          break;
        default:
          throw this.unexpected(t);
      }
    }
    return node(doc);
  }
  private description(): string {
    const t = this.peek();
    if (t.kind === 'String' || t.kind === 'BlockString') return this.next().value;
    return '';
  }
  private typeDefinition(description: string): Obj {
    const kw = this.name();
    const name = this.name();
    const base = { Description: description, Name: name, BuiltIn: false };
    switch (kw) {
      case 'scalar':
        return node({ Kind: 'SCALAR', ...base, Directives: this.directives(true) });
      case 'type':
      case 'interface': {
        const interfaces = this.implementsInterfaces();
        const directives = this.directives(true);
        return node({ Kind: kw === 'type' ? 'OBJECT' : 'INTERFACE', ...base, Interfaces: interfaces, Directives: directives, Fields: this.fieldsDefinition() });
      }
      case 'union': {
        const directives = this.directives(true);
        const types: string[] = [];
        if (this.skip('=')) {
          this.skip('|');
          types.push(this.name());
          while (this.skip('|')) types.push(this.name());
        }
        return node({ Kind: 'UNION', ...base, Directives: directives, Types: types });
      }
      case 'enum': {
        const directives = this.directives(true);
        const values = this.is('{') ? this.some('{', '}', () => node({ Description: this.description(), Name: this.name(), Directives: this.directives(true) })) : [];
        return node({ Kind: 'ENUM', ...base, Directives: directives, EnumValues: values });
      }
      default: {
        const directives = this.directives(true);
        const fields = this.is('{') ? this.some('{', '}', () => this.argumentDefinition()) : [];
        return node({ Kind: 'INPUT_OBJECT', ...base, Directives: directives, Fields: fields });
      }
    }
  }
  private implementsInterfaces(): string[] {
    const out: string[] = [];
    if (this.isKeyword('implements')) {
      this.next();
      this.skip('&');
      out.push(this.name());
      while (this.skip('&')) out.push(this.name());
    }
    return out;
  }
  private fieldsDefinition(): Value[] {
    return this.is('{') ? this.some('{', '}', () => this.fieldDefinition()) : [];
  }
  private fieldDefinition(): Obj {
    const description = this.description();
    const name = this.name();
    const args = this.is('(') ? this.many('(', ')', () => this.argumentDefinition()) : [];
    this.expect(':');
    const type = this.typeReference();
    return node({ Description: description, Name: name, Arguments: args, Type: type, Directives: this.directives(true) });
  }
  private argumentDefinition(): Obj {
    const description = this.description();
    const name = this.name();
    this.expect(':');
    const type = this.typeReference();
    const dflt = this.skip('=') ? this.value(true) : undefined;
    return node({ Description: description, Name: name, DefaultValue: dflt, Type: type, Directives: this.directives(true) });
  }
  private operationTypeDefinition(): Obj {
    const op = this.operationType();
    this.expect(':');
    return node({ Operation: op, Type: this.name() });
  }
  private schemaDefinition(description: string): Obj {
    this.expectKeyword('schema');
    const directives = this.directives(true);
    return node({ Description: description, Directives: directives, OperationTypes: this.some('{', '}', () => this.operationTypeDefinition()) });
  }
  private directiveDefinition(description: string): Obj {
    this.expectKeyword('directive');
    this.expect('@');
    const name = this.name();
    const args = this.is('(') ? this.many('(', ')', () => this.argumentDefinition()) : [];
    let repeatable = false;
    if (this.isKeyword('repeatable')) {
      this.next();
      repeatable = true;
    }
    this.expectKeyword('on');
    this.skip('|');
    const locations = [this.directiveLocation()];
    while (this.skip('|')) locations.push(this.directiveLocation());
    return node({ Description: description, Name: name, Arguments: args, Locations: locations, IsRepeatable: repeatable });
  }
  private directiveLocation(): string {
    const t = this.peek();
    const name = this.name();
    if (!DIRECTIVE_LOCATIONS.has(name)) throw this.unexpected(t);
    return name;
  }
  private extension(doc: Record<string, Value[]>): void {
    this.expectKeyword('extend');
    const t = this.peek();
    if (t.kind === 'Name' && t.value === 'schema') {
      this.next();
      const directives = this.directives(true);
      const ops = this.is('{') ? this.some('{', '}', () => this.operationTypeDefinition()) : [];
      if (directives.length === 0 && ops.length === 0) throw this.unexpected();
      (doc.SchemaExtension as Value[]).push(node({ Description: '', Directives: directives, OperationTypes: ops }));
      return;
    }
    if (t.kind === 'Name' && ['scalar', 'type', 'interface', 'union', 'enum', 'input'].includes(t.value)) {
      const ext = this.typeDefinition('');
      // an extension must add something: interfaces, directives, fields, members or values
      if (['Interfaces', 'Directives', 'Fields', 'Types', 'EnumValues'].every((k) => ext[k] === undefined)) throw this.unexpected();
      (doc.Extensions as Value[]).push(ext);
      return;
    }
    throw this.unexpected(t);
  }
}

export function parseQueryDocument(src: string): Obj {
  return new Parser(src).queryDocument();
}

export function parseSchemaDocument(src: string): Obj {
  return new Parser(src).schemaDocument();
}
