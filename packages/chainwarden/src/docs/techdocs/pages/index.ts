import { evidencePage } from './evidence.js';
import { overviewPage } from './overview.js';
import type { TechdocsPage } from './page.js';
import { policyPage } from './policy.js';
import { provenancePage } from './provenance.js';
import { riskPage } from './risk.js';
import { sbomPage } from './sbom.js';
import { vulnerabilitiesPage } from './vulnerabilities.js';

/** The pages, in nav order. Add a page: a file here and one line in this list. */
export const PAGES: readonly TechdocsPage[] = [overviewPage, sbomPage, provenancePage, policyPage, vulnerabilitiesPage, riskPage, evidencePage];
