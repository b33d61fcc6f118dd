import { readFile } from 'node:fs/promises';
import { IoError } from '../core/errors.js';
import { isRecord, parseJsonText } from '../core/parse.js';
import { VexError } from './errors.js';
import { VEX_FORMATS } from './formats/index.js';
import type { VexDocument } from './statement.js';

/** Reads a VEX document of any supported format (recognised by content), naming the file in every error. */
export function parseVexText(text: string, file: string): VexDocument {
  const doc = parseJsonText(text, file, (message, loc, cause) => new VexError(message, { file, ...loc }, { cause }));
  if (!isRecord(doc)) throw new VexError('a VEX document must be a JSON object', { file });
  const format = VEX_FORMATS.find((f) => f.detect(doc));
  if (format === undefined) throw new VexError('not a VEX document: expected OpenVEX (@context https://openvex.dev/ns…), CycloneDX (bomFormat) or CSAF (document.csaf_version)', { file });
  return format.read(doc, file);
}

export async function readVexFile(path: string, shown: string): Promise<VexDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${shown}: cannot read the VEX document (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return parseVexText(text, shown);
}
