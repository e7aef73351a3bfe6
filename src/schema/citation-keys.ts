/**
 * Citation keys: the short names a post's text uses to point at one of its
 * sources, as in `[@crane2012]`. A citation may set `key:` itself; otherwise
 * it gets the first author's family name and the year. The same function runs
 * on checked frontmatter (the schema, the content rules) and on raw
 * frontmatter (the Markdown plugin), so every part of the site agrees.
 */

/**
 * A key as Pandoc reads one: starts with a letter, digit or underscore;
 * punctuation (: . -) only between those, so "[@crane2012]." ends the key
 * before the full stop.
 */
// ASCII letters and digits, as derived keys are: the same pattern then works in the editor's form, whose
// browser-side check has no Unicode classes.
export const KEY_PATTERN = /^[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.-](?=[A-Za-z0-9_]))*$/;

/** What key derivation reads; raw frontmatter may hold anything, so nothing is trusted. */
export interface KeySource {
  key?: unknown;
  authors?: unknown;
  year?: unknown;
}

/** "Crane, J. D." → "Crane"; an organisation (no comma) keeps its whole name. */
export function familyName(author: string): string {
  const comma = author.indexOf(',');
  return (comma < 0 ? author : author.slice(0, comma)).trim();
}

function isOrganisation(author: string): boolean {
  return !author.includes(',');
}

/** Letters and digits only, accents dropped: "Ødegård" → "odegard". */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "crane2012"; an organisation gives its initials: World Health Organization, 2019 → "who2019". */
export function keyStem(first: string | undefined, year: unknown): string {
  let name = '';
  if (first) {
    const words = familyName(first).split(/\s+/).filter(Boolean);
    name =
      isOrganisation(first) && words.length > 2
        ? asciiWord(
            words
              .filter((w) => /^\p{Lu}/u.test(w))
              .map((w) => w[0])
              .join(''),
          )
        : asciiWord(words.join(''));
  }
  const y = typeof year === 'number' || typeof year === 'string' ? String(year).trim() : '';
  return `${name || 'source'}${/^\d{4}$/.test(y) ? y : ''}`;
}

function firstAuthor(c: KeySource): string | undefined {
  const a = Array.isArray(c.authors) ? c.authors[0] : undefined;
  return typeof a === 'string' ? a : undefined;
}

/**
 * One key per citation, in order. Keys written in the frontmatter are kept;
 * the others are derived and never take a key already in use: the second
 * Crane 2012 becomes crane2012b, the third crane2012c, so adding a source
 * never renames the ones already cited.
 */
export function citationKeys(citations: readonly KeySource[]): string[] {
  const explicit = citations.map((c) => (typeof c.key === 'string' && c.key.trim() ? c.key.trim() : undefined));
  const taken = new Set(explicit.filter((k): k is string => k !== undefined));
  return citations.map((c, i) => {
    const own = explicit[i];
    if (own) return own;
    const stem = keyStem(firstAuthor(c), c.year);
    let key = stem;
    for (let n = 1; taken.has(key); n++) key = `${stem}${suffix(n)}`;
    taken.add(key);
    return key;
  });
}

/** b, c, … z, then bb, bc …: never a bare "a", as the first of a family stays unsuffixed. */
function suffix(n: number): string {
  const letters = 'bcdefghijklmnopqrstuvwxyz';
  let out = '';
  let i = n - 1;
  do {
    out = letters[i % letters.length] + out;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return out;
}

/** The page anchor of a source in the Sources list, and of the nth marker that cites it. */
export function sourceAnchor(key: string): string {
  return `source-${key}`;
}

export function markerAnchor(key: string, occurrence: number): string {
  return `cite-${key}-${occurrence}`;
}
