/** GraphQL schema documents (SDL) parsed into the shape of gqlparser's AST as OPA exposes it. */
import { DIRECTIVE_LOCATIONS, node, QueryParser } from './query-parser.js';
import type { Obj } from './query-parser.js';
import type { Value } from '../../../value/types.js';

export class SchemaParser extends QueryParser {
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
  protected description(): string {
    const t = this.peek();
    if (t.kind === 'String' || t.kind === 'BlockString') return this.next().value;
    return '';
  }
  protected typeDefinition(description: string): Obj {
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
  protected implementsInterfaces(): string[] {
    const out: string[] = [];
    if (this.isKeyword('implements')) {
      this.next();
      this.skip('&');
      out.push(this.name());
      while (this.skip('&')) out.push(this.name());
    }
    return out;
  }
  protected fieldsDefinition(): Value[] {
    return this.is('{') ? this.some('{', '}', () => this.fieldDefinition()) : [];
  }
  protected fieldDefinition(): Obj {
    const description = this.description();
    const name = this.name();
    const args = this.is('(') ? this.many('(', ')', () => this.argumentDefinition()) : [];
    this.expect(':');
    const type = this.typeReference();
    return node({ Description: description, Name: name, Arguments: args, Type: type, Directives: this.directives(true) });
  }
  protected argumentDefinition(): Obj {
    const description = this.description();
    const name = this.name();
    this.expect(':');
    const type = this.typeReference();
    const dflt = this.skip('=') ? this.value(true) : undefined;
    return node({ Description: description, Name: name, DefaultValue: dflt, Type: type, Directives: this.directives(true) });
  }
  protected operationTypeDefinition(): Obj {
    const op = this.operationType();
    this.expect(':');
    return node({ Operation: op, Type: this.name() });
  }
  protected schemaDefinition(description: string): Obj {
    this.expectKeyword('schema');
    const directives = this.directives(true);
    return node({ Description: description, Directives: directives, OperationTypes: this.some('{', '}', () => this.operationTypeDefinition()) });
  }
  protected directiveDefinition(description: string): Obj {
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
  protected directiveLocation(): string {
    const t = this.peek();
    const name = this.name();
    if (!DIRECTIVE_LOCATIONS.has(name)) throw this.unexpected(t);
    return name;
  }
  protected extension(doc: Record<string, Value[]>): void {
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
