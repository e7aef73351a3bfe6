/**
 * Finding links in the files a crawler does not read as pages: feeds (RSS,
 * Atom, sitemap XML), the JSON API and JSON Feed, the web manifest and
 * robots.txt; and the ids a page offers as #fragment targets.
 */

import { decodeEntities } from '../../../src/lib/html.ts';

/** Prose around a URL ("see https://x.org/a.") must not become part of it. */
function trimProse(url: string): string {
  let out = url.replace(/[.,;:!?'"]+$/, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return out;
}

const ABSOLUTE_URL = /https?:\/\/[^\s"'<>`\\]+/g;
const LINK_ATTRIBUTE = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Parts of XML that hold URLs which are names, not links: namespaces, Atom ids
 * and RSS guids that are not permalinks (a renamed post keeps its first address there).
 */
const XML_NAMES = [
  /\sxmlns(?::[\w-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g,
  /\s[\w-]+:schemaLocation\s*=\s*(?:"[^"]*"|'[^']*')/g,
  /<guid\b[^>]*isPermaLink\s*=\s*["']false["'][^>]*>[\s\S]*?<\/guid>/g,
  /<id>[\s\S]*?<\/id>/g,
];

/** Absolute URLs and href/src attribute values in markup or text, in order of appearance, without repeats. */
export function urlsInMarkup(text: string): string[] {
  const decoded = decodeEntities(XML_NAMES.reduce((t, re) => t.replace(re, ' '), text));
  const found = new Set<string>();
  for (const match of decoded.matchAll(LINK_ATTRIBUTE)) {
    const value = (match[1] ?? match[2] ?? '').trim();
    if (value) found.add(value);
  }
  for (const match of decoded.matchAll(ABSOLUTE_URL)) found.add(trimProse(match[0]));
  return [...found];
}

/** JSON keys whose string values are links, also when written relative to the file (web manifest icons). */
const URL_KEYS = new Set([
  'url',
  'href',
  'src',
  'link',
  'image',
  'icon',
  'avatar',
  'banner_image',
  'favicon',
  'home_page_url',
  'feed_url',
  'external_url',
  'start_url',
  'scope',
  'self',
  'next',
  'prev',
  'previous',
  'first',
  'last',
  'canonical',
  'path',
]);

function isUrlKey(key: string | undefined): boolean {
  if (!key) return false;
  const k = key.toLowerCase();
  return URL_KEYS.has(k) || k.endsWith('url') || k.endsWith('_href') || k.endsWith('href');
}

/**
 * Keys whose values are identifiers that look like URLs but need not resolve:
 * JSON Schema ids, JSON Feed item ids and version, and OpenAPI server base URLs.
 */
const NAME_KEYS = new Set(['$schema', '$id', 'id', 'guid', 'version', 'servers']);

/**
 * Links in a JSON document: absolute URLs in any string, relative or root-relative
 * values of link-like keys (url, href, src, next, …), and links inside HTML strings
 * (JSON Feed's content_html).
 */
export function urlsInJson(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, key: string | undefined): void => {
    if (key !== undefined && NAME_KEYS.has(key)) return;
    if (typeof node === 'string') {
      const s = node.trim();
      if (/^https?:\/\/\S+$/.test(s)) found.add(s);
      else if (s.includes('<') || /https?:\/\//.test(s)) for (const url of urlsInMarkup(s)) found.add(url);
      else if (isUrlKey(key) && s && !/\s/.test(s) && !/^[a-z][a-z0-9+.-]*:/i.test(s)) found.add(s);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(value, undefined);
  return [...found];
}

/** The kinds of built file whose links are read here rather than by the page crawler. */
export function dataFileKind(path: string): 'xml' | 'json' | 'text' | undefined {
  if (/\.(xml|xsl|rss|atom)$/i.test(path)) return 'xml';
  if (/\.(json|webmanifest)$/i.test(path)) return 'json';
  if (/(^|\/)robots\.txt$/i.test(path)) return 'text';
  return undefined;
}

/** Links in a data file's text, by its kind; a JSON file that does not parse yields none. */
export function urlsInDataFile(path: string, text: string): string[] {
  const kind = dataFileKind(path);
  if (kind === 'json') {
    try {
      return urlsInJson(JSON.parse(text));
    } catch {
      return [];
    }
  }
  if (kind === 'xml' || kind === 'text') return urlsInMarkup(text);
  return [];
}

const ID_ATTRIBUTE = /<[a-z][^\s>/]*(?:\s[^>]*?)?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ANCHOR_NAME = /<a(?:\s[^>]*?)?\sname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The ids (and legacy <a name>) a page offers as #fragment targets. */
export function fragmentIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const re of [ID_ATTRIBUTE, ANCHOR_NAME]) {
    for (const m of html.matchAll(re)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  }
  ids.delete('');
  return ids;
}

/** Whether a page answers `#fragment`: an element with that id, or the top of the page. */
export function hasFragment(ids: ReadonlySet<string>, fragment: string): boolean {
  if (fragment === '' || /^top$/i.test(fragment)) return true;
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // keep the raw fragment
  }
  return ids.has(decoded) || ids.has(fragment);
}
