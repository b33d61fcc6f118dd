/** PEP 440 version syntax (public version, optional local label), as used to validate requirement specifiers. */
const PUBLIC =
  '[vV]?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*' +
  '(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)[-_.]?[0-9]*)?' +
  '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?' +
  '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';

const VERSION = new RegExp(`^${PUBLIC}${LOCAL}$`, 'i');
const PREFIX = new RegExp(`^${PUBLIC}\\.\\*$`, 'i');

export function isPep440Version(text: string): boolean {
  return VERSION.test(text);
}

/** `1.2.*`: allowed after `==` and `!=` only. */
export function isPep440Prefix(text: string): boolean {
  return PREFIX.test(text);
}
