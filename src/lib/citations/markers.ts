/**
 * Inline citation markers in Pandoc's syntax, which Markdown writers meet in
 * Pandoc, Quarto, R Markdown, Zettlr and Obsidian's citation plugins:
 *
 *   [@crane2012]                 one source
 *   [@crane2012, p. 4]           with a locator
 *   [see @crane2012; @hunt2019]  several, with a prefix
 *   [-@crane2012]                the year only, when the sentence names the authors
 *
 * A marker sits on one line. In plain Markdown `[@crane2012]` is ordinary text,
 * so a post written this way still reads sensibly anywhere else. `\@` keeps an
 * @ that is not a citation ("[\@wellnessritualsme]"), as in Pandoc.
 */
import type { BodyLine } from '../content/markdown-scan.ts';

export interface CitedItem {
  key: string;
  /** Words before the key ("see"), trimmed. */
  prefix: string;
  /** What follows the key (", p. 4"), trimmed at the end. */
  suffix: string;
  /** `-@key`: the year alone. */
  suppressAuthor: boolean;
}

export interface CitationMarker {
  /** The marker as written, brackets included. */
  text: string;
  /** Where it starts in the text searched. */
  offset: number;
  items: CitedItem[];
}

export interface LineMarker extends CitationMarker {
  /** 0-based index of the body line. */
  index: number;
}

const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.\-](?=[\p{L}\p{N}_]))*`;
/** A bracket pair holding an @ and no other brackets, not the text of a link ([…](…), […][…]). */
const GROUP = /\[([^[\]\n]*@[^[\]\n]*)\](?![([])/gu;
/** One item: a prefix, the key (after a space, the start or a hyphen), then the rest. */
const ITEM = new RegExp(String.raw`^(.*?)(?:^|(?<=\s))(-?)@(${KEY})(.*)$`, 'su');

function parseItems(inner: string): CitedItem[] | undefined {
  const items: CitedItem[] = [];
  for (const part of inner.split(';')) {
    const m = ITEM.exec(part);
    if (!m) return undefined;
    const suffix = m[4]!.trimEnd();
    // "[mail us@studio.com]" has an @ but is no citation: the key must end at a word boundary.
    if (suffix && !/^[\s,.;:)]/.test(suffix)) return undefined;
    items.push({ key: m[3]!, prefix: m[1]!.trim(), suffix, suppressAuthor: m[2] === '-' });
  }
  return items.length ? items : undefined;
}

/** The markers in a piece of text, in order. Backslash-escaped brackets count: they render as the same text. */
export function findMarkersInText(text: string): CitationMarker[] {
  if (!text.includes('@')) return [];
  const unescaped = text.replace(/\\([[\]])/g, ' $1');
  const out: CitationMarker[] = [];
  for (const m of unescaped.matchAll(GROUP)) {
    const items = parseItems(m[1]!);
    if (!items) continue;
    const start = m.index;
    // "[@key]: https://…" at the start of a line is a link reference definition, not a citation.
    if (unescaped[start + m[0].length] === ':' && /^\s{0,3}$/.test(unescaped.slice(0, start))) continue;
    // Inside a link's text ("[as shown [@key]](…)") it would be a link in a link; the page leaves it as text.
    if (/^[^[\]]*\]\s*[([]/.test(unescaped.slice(start + m[0].length)) && unescaped.lastIndexOf('[', start - 1) >= 0) continue;
    const escapedStart = start > 0 && text[start - 1] === '\\' ? start - 1 : start;
    out.push({ text: text.slice(escapedStart, start + m[0].length), offset: escapedStart, items });
  }
  return out;
}

/** Every marker in the body's readable lines (code, comments and MDX module lines are blank there). */
export function findCitationMarkers(lines: readonly BodyLine[]): LineMarker[] {
  const out: LineMarker[] = [];
  for (const { text, index } of lines) {
    for (const marker of findMarkersInText(text)) out.push({ ...marker, index });
  }
  return out;
}
