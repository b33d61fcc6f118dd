/**
 * Sigstore bundle versions as data: which media types we read, and what each version allows. An unknown media type
 * (e.g. `version=99.9`) is rejected before anything else is looked at.
 */
export interface BundleVersion {
  readonly version: '0.1' | '0.2' | '0.3';
  /** v0.3 forbids certificate chains (a single leaf certificate instead). */
  readonly certificateChainAllowed: boolean;
}

export const BUNDLE_MEDIA_TYPES: Readonly<Record<string, BundleVersion>> = {
  'application/vnd.dev.sigstore.bundle+json;version=0.1': { version: '0.1', certificateChainAllowed: true },
  'application/vnd.dev.sigstore.bundle+json;version=0.2': { version: '0.2', certificateChainAllowed: true },
  'application/vnd.dev.sigstore.bundle+json;version=0.3': { version: '0.3', certificateChainAllowed: false },
  'application/vnd.dev.sigstore.bundle.v0.3+json': { version: '0.3', certificateChainAllowed: false },
};

/** The media type we write. */
export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
