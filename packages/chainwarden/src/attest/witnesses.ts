/**
 * Witnesses add proof of when and that a signature was made: a Rekor transparency-log entry and an RFC 3161
 * timestamp from a timestamp authority. URLs are configurable for private Sigstore instances.
 */
import type { Witness } from '@sigstore/sign';

export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
export const DEFAULT_TSA_URL = 'https://timestamp.sigstore.dev/api/v1/timestamp';

export interface WitnessOptions {
  /** Rekor base URL; undefined = no transparency-log entry. */
  readonly rekorUrl?: string;
  /** Timestamp authority URL (a base URL gets `/api/v1/timestamp`); undefined = no timestamp. */
  readonly tsaUrl?: string;
  readonly timeoutMs?: number;
}

export async function createWitnesses(options: WitnessOptions, bundleType: 'messageSignature' | 'dsseEnvelope'): Promise<Witness[]> {
  const { RekorWitness, TSAWitness } = await import('@sigstore/sign');
  const fetchOptions = { timeout: options.timeoutMs ?? 30_000, retry: 2 };
  const witnesses: Witness[] = [];
  if (options.rekorUrl !== undefined) {
    witnesses.push(new RekorWitness({ rekorBaseURL: options.rekorUrl, ...(bundleType === 'dsseEnvelope' ? { entryType: 'dsse' as const } : {}), ...fetchOptions }));
  }
  if (options.tsaUrl !== undefined) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaUrl, ...fetchOptions }));
  return witnesses;
}
