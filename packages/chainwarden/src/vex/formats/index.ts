import { CsafFormat } from './csaf.js';
import { CycloneDxVexFormat } from './cyclonedx.js';
import type { VexFormat } from './format.js';
import { OpenVexFormat } from './openvex.js';

export type { VexFormat } from './format.js';

/** Every VEX format, tried in order by content. Add a format: a file here and one line in this list. */
export const VEX_FORMATS: readonly VexFormat[] = [OpenVexFormat, CycloneDxVexFormat, CsafFormat];
