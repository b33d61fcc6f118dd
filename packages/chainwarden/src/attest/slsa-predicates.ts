/**
 * Reading SLSA provenance predicates of any version into one set of facts (builder, build type, source, times).
 * Version differences are data: one PredicateReader per predicate type, registered in PREDICATE_READERS.
 */
import { InputError } from '../core/errors.js';
import { isRecord, keyPath } from '../core/parse.js';
import { SLSA_PROVENANCE_V02, SLSA_PROVENANCE_V1 } from './slsa-v1.js';
import type { StatementSource } from './statement.js';

export interface ProvenanceSource {
  /** As recorded, e.g. git+https://github.com/o/r@refs/heads/main. */
  readonly uri?: string;
  /** The ref (from the URI's @ suffix or the workflow parameters). */
  readonly ref?: string;
  readonly digest?: Readonly<Record<string, string>>;
  /** The entry point (workflow path) when recorded. */
  readonly entryPoint?: string;
}

export interface ProvenanceFacts {
  readonly slsaVersion: 'v1' | 'v0.2';
  readonly builderId: string;
  readonly buildType: string;
  readonly invocationId?: string;
  readonly startedOn?: string;
  readonly finishedOn?: string;
  readonly source?: ProvenanceSource;
}

export interface PredicateReader {
  readonly predicateType: string;
  read(predicate: unknown, at: StatementSource): ProvenanceFacts;
}

type Path = (string | number)[];

function fail(at: StatementSource, segments: Path, message: string): never {
  const rest = keyPath(...segments);
  const base = at.path ?? '';
  throw new InputError(`invalid SLSA provenance: ${message}`, { file: at.file, path: base === '' ? rest : `${base}.${rest}` });
}

function object(value: unknown, at: StatementSource, path: Path, required: boolean): Record<string, unknown> | undefined {
  if (value === undefined && !required) return undefined;
  if (!isRecord(value)) fail(at, path, 'expected a JSON object');
  return value;
}

function str(value: unknown, at: StatementSource, path: Path, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value === '')) fail(at, path, required ? 'expected a non-empty string' : 'expected a string');
  return value;
}

function digestOf(value: unknown, at: StatementSource, path: Path): Record<string, string> | undefined {
  const d = object(value, at, path, false);
  if (d === undefined) return undefined;
  for (const [k, v] of Object.entries(d)) if (typeof v !== 'string') fail(at, [...path, k], 'expected a string');
  return d as Record<string, string>;
}

/** Splits `git+https://host/o/r@refs/heads/main` into the URI and its ref. */
export function splitSourceUri(uri: string): { repository: string; ref?: string } {
  const at = uri.lastIndexOf('@');
  const slash = uri.indexOf('/', uri.indexOf('://') + 3);
  if (at > slash && slash > 0) return { repository: uri.slice(0, at), ref: uri.slice(at + 1) };
  return { repository: uri };
}

const compact = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const V1: PredicateReader = {
  predicateType: SLSA_PROVENANCE_V1,
  read(predicate, at) {
    const p = object(predicate, at, ['predicate'], true) as Record<string, unknown>;
    const def = object(p['buildDefinition'], at, ['predicate', 'buildDefinition'], true) as Record<string, unknown>;
    const buildType = str(def['buildType'], at, ['predicate', 'buildDefinition', 'buildType'], true) as string;
    const external = object(def['externalParameters'], at, ['predicate', 'buildDefinition', 'externalParameters'], true) as Record<string, unknown>;
    const deps = def['resolvedDependencies'];
    if (deps !== undefined && !Array.isArray(deps)) fail(at, ['predicate', 'buildDefinition', 'resolvedDependencies'], 'expected an array');
    const depList = (deps ?? []) as unknown[];
    const parsed = depList.map((d, i) => {
      const path = ['predicate', 'buildDefinition', 'resolvedDependencies', i];
      const o = object(d, at, path, true) as Record<string, unknown>;
      return { uri: str(o['uri'], at, [...path, 'uri'], false), digest: digestOf(o['digest'], at, [...path, 'digest']) };
    });
    const run = object(p['runDetails'], at, ['predicate', 'runDetails'], true) as Record<string, unknown>;
    const builder = object(run['builder'], at, ['predicate', 'runDetails', 'builder'], true) as Record<string, unknown>;
    const metadata = object(run['metadata'], at, ['predicate', 'runDetails', 'metadata'], false) ?? {};
    const sourceDep = parsed.find((d) => d.digest?.['gitCommit'] !== undefined) ?? parsed.find((d) => d.uri?.startsWith('git+') === true);
    const workflow = isRecord(external['workflow']) ? external['workflow'] : isRecord(external['pipeline']) ? external['pipeline'] : {};
    const split = sourceDep?.uri !== undefined ? splitSourceUri(sourceDep.uri) : undefined;
    const workflowRef = typeof workflow['ref'] === 'string' ? workflow['ref'] : undefined;
    const entryPoint = typeof workflow['path'] === 'string' ? workflow['path'] : undefined;
    const source = sourceDep !== undefined
      ? compact({ uri: sourceDep.uri, ref: split?.ref ?? workflowRef, digest: sourceDep.digest, entryPoint })
      : typeof workflow['repository'] === 'string'
        ? compact({ uri: workflow['repository'], ref: workflowRef, entryPoint })
        : undefined;
    return compact({
      slsaVersion: 'v1' as const,
      builderId: str(builder['id'], at, ['predicate', 'runDetails', 'builder', 'id'], true) as string,
      buildType,
      invocationId: str(metadata['invocationId'], at, ['predicate', 'runDetails', 'metadata', 'invocationId'], false),
      startedOn: str(metadata['startedOn'], at, ['predicate', 'runDetails', 'metadata', 'startedOn'], false),
      finishedOn: str(metadata['finishedOn'], at, ['predicate', 'runDetails', 'metadata', 'finishedOn'], false),
      source,
    });
  },
};

const V02: PredicateReader = {
  predicateType: SLSA_PROVENANCE_V02,
  read(predicate, at) {
    const p = object(predicate, at, ['predicate'], true) as Record<string, unknown>;
    const builder = object(p['builder'], at, ['predicate', 'builder'], true) as Record<string, unknown>;
    const invocation = object(p['invocation'], at, ['predicate', 'invocation'], false) ?? {};
    const config = object(invocation['configSource'], at, ['predicate', 'invocation', 'configSource'], false);
    const metadata = object(p['metadata'], at, ['predicate', 'metadata'], false) ?? {};
    let source: ProvenanceSource | undefined;
    if (config !== undefined) {
      const uri = str(config['uri'], at, ['predicate', 'invocation', 'configSource', 'uri'], false);
      source = compact({
        uri,
        ref: uri !== undefined ? splitSourceUri(uri).ref : undefined,
        digest: digestOf(config['digest'], at, ['predicate', 'invocation', 'configSource', 'digest']),
        entryPoint: str(config['entryPoint'], at, ['predicate', 'invocation', 'configSource', 'entryPoint'], false),
      });
    }
    return compact({
      slsaVersion: 'v0.2' as const,
      builderId: str(builder['id'], at, ['predicate', 'builder', 'id'], true) as string,
      buildType: str(p['buildType'], at, ['predicate', 'buildType'], true) as string,
      invocationId: str(metadata['buildInvocationId'], at, ['predicate', 'metadata', 'buildInvocationId'], false),
      startedOn: str(metadata['buildStartedOn'], at, ['predicate', 'metadata', 'buildStartedOn'], false),
      finishedOn: str(metadata['buildFinishedOn'], at, ['predicate', 'metadata', 'buildFinishedOn'], false),
      source,
    });
  },
};

/** Provenance predicate readers by predicate type. */
export const PREDICATE_READERS: Readonly<Record<string, PredicateReader>> = {
  [V1.predicateType]: V1,
  [V02.predicateType]: V02,
};
