import type { ExternalReference, Hash, PackageSource } from '../../model.js';
import { distributionReference, pypiReleasePage } from '../python-common/distributions.js';
import { parsePythonHash } from '../python-common/hashes.js';
import type { PdmFile } from './pdm-lock-schema.js';

/**
 * pdm.lock files → where their hashes go. A `url` (static URLs) is the file itself. A bare `file` name of an index
 * package points at PyPI's release page with the file name as `comment` (pdm.lock does not record which index a
 * package came from; PyPI is pdm's default). Direct-URL packages: their URL. Local packages: the hash identifies
 * the component itself. VCS checkouts carry no files.
 */
export function pdmFileRecords(name: string, version: string | undefined, files: readonly PdmFile[], source: PackageSource): { references: ExternalReference[]; hashes: Hash[] } {
  const references: ExternalReference[] = [];
  const hashes: Hash[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const hash = parsePythonHash(file.hash);
    const id = `${file.url ?? ''}\u0000${file.file ?? ''}\u0000${file.hash}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (source.kind === 'path') {
      if (hash !== undefined) hashes.push(hash);
    } else if (file.url !== undefined) {
      references.push(distributionReference(file.url, hash));
    } else if (source.kind === 'url') {
      references.push(distributionReference(source.url, hash, file.file));
    } else if (source.kind === 'registry') {
      references.push(distributionReference(pypiReleasePage(name, version), hash, file.file));
    }
  }
  return { references, hashes };
}
