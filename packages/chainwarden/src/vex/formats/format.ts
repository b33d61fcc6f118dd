import type { VexDocument } from '../statement.js';

/** One VEX format: recognises its documents by content and reads them into the statement model. */
export interface VexFormat {
  readonly name: 'openvex' | 'cyclonedx' | 'csaf';
  detect(doc: Record<string, unknown>): boolean;
  read(doc: Record<string, unknown>, file: string): VexDocument;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
