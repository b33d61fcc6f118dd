/**
 * A minimal XML 1.0 tree and serializer: elements with attributes and either text or child elements (no mixed
 * content, which CycloneDX never needs). Output is UTF-8 text, two-space indented, with a trailing newline.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [name: string, value: string])[];
  /** Text content; ignored when `children` is non-empty. */
  readonly text?: string;
  readonly children: readonly XmlElement[];
}

/** Builds an element; attributes whose value is undefined are left out, in the order given. */
export function xmlElement(name: string, attributes: Readonly<Record<string, string | undefined>> = {}, content: string | readonly XmlElement[] = []): XmlElement {
  const attrs = Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return typeof content === 'string' ? { name, attributes: attrs, text: content, children: [] } : { name, attributes: attrs, children: content };
}

/** A text-only element, or nothing when the value is absent: the shape of most optional CycloneDX fields. */
export function xmlText(name: string, value: string | undefined): XmlElement[] {
  return value === undefined ? [] : [xmlElement(name, {}, value)];
}

/** A wrapper element (`<hashes>`, `<properties>` …) around items, or nothing when there are none. */
export function xmlList(name: string, items: readonly XmlElement[]): XmlElement[] {
  return items.length === 0 ? [] : [xmlElement(name, {}, items)];
}

/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other than tab, line feed
 * and carriage return, unpaired surrogates, U+FFFE and U+FFFF. They are replaced with U+FFFD so the document stays
 * well-formed and the loss stays visible.
 */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML_CHAR, '\uFFFD');
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// Tab, line feed and carriage return are written as references in attributes: a parser would otherwise normalise them to spaces.
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

export function escapeXmlText(value: string): string {
  return xmlSafe(value).replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch] as string);
}

export function escapeXmlAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch] as string);
}

function write(element: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attrs = element.attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join('');
  if (element.children.length > 0) {
    out.push(`${indent}<${element.name}${attrs}>`);
    for (const child of element.children) write(child, depth + 1, out);
    out.push(`${indent}</${element.name}>`);
  } else if (element.text !== undefined) {
    out.push(`${indent}<${element.name}${attrs}>${escapeXmlText(element.text)}</${element.name}>`);
  } else {
    out.push(`${indent}<${element.name}${attrs}/>`);
  }
}

/** Serializes a document: XML declaration, the root element, a trailing newline. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
