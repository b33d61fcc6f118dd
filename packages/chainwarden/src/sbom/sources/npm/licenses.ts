import type { License } from '../../model.js';
import { licenseFromString } from '../../component-builder.js';
import { isRecord } from '../../../core/parse.js';

/**
 * Licences from a `license` value: an SPDX string (the modern form), a legacy `{ type, url }` object, or a legacy
 * array of either. Anything else (numbers, nested garbage, empty strings) is ignored: a licence is metadata, not
 * structure, so a hostile value must not fail the whole lockfile. Strings repeat a lot (`MIT` thousands of times),
 * so each reader caches its parses; make one reader per lockfile.
 */
export class LicenseReader {
  private readonly cache = new Map<string, License>();

  read(value: unknown): License[] {
    const out: License[] = [];
    const one = (item: unknown): void => {
      const text = typeof item === 'string' ? item : isRecord(item) ? (item['type'] ?? item['name']) : undefined;
      if (typeof text !== 'string' || text.trim() === '') return;
      const license = this.parse(text);
      if (!out.includes(license)) out.push(license);
    };
    if (Array.isArray(value)) value.slice(0, 32).forEach(one);
    else one(value);
    return out;
  }

  private parse(text: string): License {
    let license = this.cache.get(text);
    if (license === undefined) {
      license = licenseFromString(text);
      this.cache.set(text, license);
    }
    return license;
  }
}

/** One-off licence read (no shared cache). */
export function licensesOf(value: unknown): License[] {
  return new LicenseReader().read(value);
}
