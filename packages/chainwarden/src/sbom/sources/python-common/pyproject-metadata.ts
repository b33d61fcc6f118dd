import { parseTomlText, isRecord } from '../../../core/parse.js';
import { InputError } from '../../../core/errors.js';
import { licenseFromString } from '../../component-builder.js';
import type { License, RootProject } from '../../model.js';

/** What chainwarden reads from a pyproject.toml: PEP 621 `[project]`, with Poetry's `[tool.poetry]` as fallback. */
export interface PyprojectInfo {
  readonly name?: string;
  readonly version?: string;
  readonly dynamicVersion: boolean;
  readonly description?: string;
  readonly licenses: License[];
  readonly raw: Record<string, unknown>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function licensesOf(value: unknown): License[] {
  if (typeof value === 'string' && value.trim() !== '') return [licenseFromString(value)];
  // PEP 621 legacy table form: { text = "MIT" } or { file = "LICENSE" } (a file is not a licence id: skip it).
  if (isRecord(value) && typeof value['text'] === 'string' && value['text'].trim() !== '') return [licenseFromString(value['text'])];
  return [];
}

export async function readPyprojectMetadata(text: string, file: string): Promise<PyprojectInfo> {
  const doc = await parseTomlText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
  return metadataFromDoc(doc);
}

/** Name, version (unless dynamic), description and declared licence of a parsed pyproject.toml. */
export function metadataFromDoc(doc: Record<string, unknown>): PyprojectInfo {
  const project = isRecord(doc['project']) ? doc['project'] : {};
  const tool = isRecord(doc['tool']) ? doc['tool'] : {};
  const poetry = isRecord(tool['poetry']) ? tool['poetry'] : {};
  const dynamic = Array.isArray(project['dynamic']) ? project['dynamic'].filter((d): d is string => typeof d === 'string') : [];
  const dynamicVersion = dynamic.includes('version');
  const version = dynamicVersion ? undefined : (str(project['version']) ?? str(poetry['version']));
  const name = str(project['name']) ?? str(poetry['name']);
  const description = str(project['description']) ?? str(poetry['description']);
  const licenses = licensesOf(project['license']).length > 0 ? licensesOf(project['license']) : licensesOf(poetry['license']);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(version !== undefined ? { version } : {}),
    dynamicVersion,
    ...(description !== undefined ? { description } : {}),
    licenses,
    raw: doc,
  };
}

/** Root project for a Python lockfile: pyproject.toml when present, else the fallback name. */
export function rootFromMetadata(info: PyprojectInfo | undefined, manifest: string | undefined, fallbackName: string, fallbackVersion?: string): RootProject {
  const version = info?.version ?? (info?.dynamicVersion === true ? undefined : fallbackVersion);
  const description = info?.description;
  return {
    name: info?.name ?? fallbackName,
    ...(version !== undefined ? { version } : {}),
    ...(description !== undefined ? { description } : {}),
    licenses: info?.licenses ?? [],
    ecosystem: 'pypi',
    ...(info !== undefined && manifest !== undefined ? { manifest } : {}),
  };
}
