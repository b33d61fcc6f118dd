import { LockfileError } from '../../../core/errors.js';
import type { Hash } from '../../model.js';
import { parseHashOption } from './hashes.js';
import type { LogicalLine } from './line-tokenizer.js';
import { positionIn, tokenizeLines } from './line-tokenizer.js';
import type { ParsedOption } from './options.js';
import { parseOptions, splitWords } from './options.js';
import type { RequirementEntry, RequirementFields } from './requirement-entry.js';
import { RequirementSyntaxError } from './requirement-syntax-error.js';
import { parseRequirementText } from './requirement-text.js';

/** What one requirements (or constraints) file says, in file order. Includes are resolved by the loader. */
export type FileItem =
  | { readonly kind: 'entry'; readonly entry: RequirementEntry }
  | { readonly kind: 'include'; readonly target: string; readonly constraint: boolean; readonly line: number; readonly column: number }
  | { readonly kind: 'index-url' | 'extra-index-url'; readonly url: string; readonly line: number }
  | { readonly kind: 'no-index'; readonly line: number };

export interface ParsedRequirementsFile {
  readonly items: FileItem[];
  readonly warnings: string[];
}

/**
 * Parses one file. `file` is its project-relative path (for messages and the `cdx:pip:file` property); `constraint`
 * is true when it was included with `-c`, which makes its requirements constraints (pip's rules: no editables,
 * no links, no extras).
 */
export function parseRequirementsFile(content: string, file: string, constraint: boolean): ParsedRequirementsFile {
  const nul = content.indexOf('\u0000');
  if (nul >= 0) {
    const line = content.slice(0, nul).split('\n').length;
    throw new LockfileError('binary content (NUL byte): not a requirements file', { file, line });
  }
  const items: FileItem[] = [];
  const warnings: string[] = [];
  for (const logical of tokenizeLines(content)) {
    try {
      parseLine(logical, file, constraint, items, warnings);
    } catch (error) {
      if (!(error instanceof RequirementSyntaxError)) throw error;
      throw new LockfileError(error.message, { file, ...positionIn(logical, error.offset) }, { cause: error });
    }
  }
  return { items, warnings };
}

function parseLine(logical: LogicalLine, file: string, constraint: boolean, items: FileItem[], warnings: string[]): void {
  const text = logical.text;
  // pip's split: the requirement is everything before the first word that starts with "-".
  const firstOption = /(^|\s)-/.exec(text);
  const boundary = firstOption === null ? text.length : firstOption.index + (firstOption[1] ?? '').length;
  const requirementText = text.slice(0, boundary).trimEnd();
  const { options, stray } = parseOptions(splitWords(text.slice(boundary), boundary));
  const at = (offset: number): { file: string; line: number; column: number } => ({ file, ...positionIn(logical, offset) });
  for (const word of stray) {
    warnings.push(`${file}:${positionIn(logical, word.at).line}: ignored ${JSON.stringify(word.value)} after the options (pip ignores it too; was a requirement meant to be on its own line?)`);
  }

  if (requirementText !== '') {
    const global = options.find((o) => !o.perRequirement);
    if (global !== undefined) throw new RequirementSyntaxError(`option ${global.name} is not allowed after a requirement (only --hash, --config-settings, --global-option)`, global.at);
    const fields = parseRequirementText(requirementText, false);
    items.push({ kind: 'entry', entry: makeEntry(fields, requirementText, hashesOf(options), file, logical.line, constraint, at(0)) });
    return;
  }

  const editables = options.filter((o) => o.role === 'editable');
  const perRequirement = options.filter((o) => o.perRequirement);
  if (editables.length === 0 && perRequirement.length > 0) {
    const first = perRequirement[0] as ParsedOption;
    throw new RequirementSyntaxError(`${first.name} must follow a requirement on the same line (is a "\\" continuation missing on the line before?)`, first.at);
  }
  for (const option of options) {
    const value = option.value ?? '';
    switch (option.role) {
      case 'requirement':
      case 'constraint':
        if (value === '') throw new RequirementSyntaxError(`option ${option.name} needs a file name`, option.at);
        items.push({ kind: 'include', target: value, constraint: option.role === 'constraint', ...positionIn(logical, option.valueAt) });
        break;
      case 'editable': {
        if (constraint) throw new RequirementSyntaxError('editable requirements are not allowed in a constraints file', option.at);
        let fields: RequirementFields;
        try {
          fields = parseRequirementText(value, true);
        } catch (error) {
          if (error instanceof RequirementSyntaxError) throw new RequirementSyntaxError(error.message, option.valueAt + error.offset);
          throw error;
        }
        items.push({ kind: 'entry', entry: makeEntry(fields, `-e ${value}`, [], file, logical.line, false, at(option.valueAt)) });
        break;
      }
      case 'index-url':
      case 'extra-index-url':
        if (/^\$\{[A-Za-z0-9_]+\}/.test(value)) {
          warnings.push(`${file}:${logical.line}: ${option.name} ${value}: the URL comes from the environment, which chainwarden does not read; purls name PyPI`);
          break;
        }
        if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(value)) throw new RequirementSyntaxError(`option ${option.name} needs a URL, got ${JSON.stringify(value)}`, option.valueAt);
        items.push({ kind: option.role, url: value, line: logical.line });
        break;
      case 'no-index':
        items.push({ kind: 'no-index', line: logical.line });
        break;
      case 'hash':
      case 'ignored':
        break;
    }
  }
}

function hashesOf(options: readonly ParsedOption[]): Hash[] {
  const out: Hash[] = [];
  for (const option of options) {
    if (option.role !== 'hash') continue;
    const hash = parseHashOption(option.value ?? '');
    if (typeof hash === 'string') throw new RequirementSyntaxError(hash, option.valueAt);
    out.push(hash);
  }
  return out;
}

function makeEntry(
  fields: RequirementFields,
  text: string,
  hashes: readonly Hash[],
  file: string,
  line: number,
  constraint: boolean,
  where: { file: string; line: number; column: number },
): RequirementEntry {
  if (constraint) {
    // pip rejects these in constraints files; so do we, naming the place.
    if (fields.link !== undefined) throw new LockfileError('links (URLs, paths, VCS) are not allowed as constraints', where);
    if (fields.extras.length > 0) throw new LockfileError('constraints cannot have extras', where);
  }
  const seen = new Set<string>();
  const allHashes: Hash[] = [];
  for (const h of [...fields.hashes, ...hashes]) {
    const id = `${h.alg}:${h.content}`;
    if (!seen.has(id)) {
      seen.add(id);
      allHashes.push(h);
    }
  }
  return {
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    extras: fields.extras,
    specifier: fields.specifier,
    ...(fields.markers !== undefined ? { markers: fields.markers } : {}),
    ...(fields.link !== undefined ? { link: fields.link } : {}),
    ...(fields.linkVersion !== undefined ? { linkVersion: fields.linkVersion } : {}),
    hashes: allHashes,
    file,
    line,
    text: text.replace(/\s+/g, ' '),
    constraint,
  };
}
