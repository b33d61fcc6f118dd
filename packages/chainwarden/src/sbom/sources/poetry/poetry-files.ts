import type { ExternalReference, Hash } from '../../model.js';
import { distributionReference, listingPage } from '../python-common/distributions.js';
import { parsePythonHash } from '../python-common/hashes.js';
import type { PoetryFile } from './poetry-lock-schema.js';
import type { ResolvedSource } from './poetry-package-source.js';

/**
 * Poetry records each distribution file by name only. Registry packages: one `distribution` reference per file whose
 * url is the page listing the release's files (PyPI's release page, or the PEP 503 project page of the `legacy`
 * index), the file name in `comment`, its hash in `hashes`. `url` sources: the source URL is the file itself.
 * Local archives / directories: the hash identifies the component itself, so it goes on the component.
 * Git sources: Poetry records no files for them.
 */
export function poetryFileRecords(
  name: string,
  version: string,
  files: readonly PoetryFile[],
  resolved: ResolvedSource,
): { references: ExternalReference[]; hashes: Hash[] } {
  const references: ExternalReference[] = [];
  const hashes: Hash[] = [];
  const source = resolved.source;
  for (const file of files) {
    const hash = parsePythonHash(file.hash);
    if (resolved.local) {
      if (hash !== undefined) hashes.push(hash);
    } else if (source.kind === 'url') {
      references.push(distributionReference(source.url, hash, file.file));
    } else if (source.kind === 'registry') {
      references.push(distributionReference(listingPage(resolved.indexUrl, name, version), hash, file.file));
    }
  }
  return { references, hashes };
}
