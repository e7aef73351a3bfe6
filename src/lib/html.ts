/**
 * Text going into HTML or XML, and text coming back out of it: the one place
 * that escapes, decodes entities and drops what XML cannot hold. Small on
 * purpose: the search page's script uses it in the browser.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML or XML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
};

/**
 * Text with the character references that escaped markup holds (`&amp;`,
 * `&#8217;`, `&#x2019;`) turned back into characters. Of the named ones, only
 * the escaping ones, the no-break space and the two dashes (which Crossref's
 * titles use) are known; any other is left as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: most C0 controls
 * (a pasted vertical tab, form feed or backspace), lone surrogates, U+FFFE and
 * U+FFFF. One of them makes a whole feed unreadable, so every XML output drops them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * What a page may not hold either, though XML takes it: DELETE and the C1
 * controls (U+007F-U+009F; a Windows quote pasted as Latin-1 arrives as U+0092) and
 * noncharacters (U+FDD0-U+FDEF and the last two code points of every plane).
 * The HTML checker refuses a page with one, so content is read without them.
 */
const ASTRAL_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`).join(
  '',
);
const NOT_TEXT = new RegExp(`${NOT_XML.source}|[\\u007F-\\u009F\\uFDD0-\\uFDEF${ASTRAL_NONCHARACTERS}]`, 'gu');

/** `text` without the characters neither a feed nor a page can hold. */
export function textSafe(text: string): string {
  return text.replace(NOT_TEXT, '');
}

/** Whether `text` holds a character textSafe would drop. */
export function hasNonTextCharacters(text: string): boolean {
  return new RegExp(NOT_TEXT.source, 'u').test(text);
}

/** `value` with every string in it (deeply) passed through xmlSafe; other values as they are. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
