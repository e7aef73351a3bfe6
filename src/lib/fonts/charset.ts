/**
 * The characters the web fonts keep: what the studio's English text and the
 * site's own words use. A character outside the set still shows, in the
 * stand-in font of the same family (the @font-face rules say which characters
 * each web font has). `npm run fonts -- --check <folders>` lists characters a
 * folder of posts uses that are not here.
 */

/** Code points by range, inclusive. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xa0], // no-break space
  [0xa9, 0xa9], // ©
  [0xab, 0xab], // «
  [0xae, 0xae], // ®
  [0xb0, 0xb0], // °
  [0xb7, 0xb7], // ·
  [0xbb, 0xbb], // »
  [0xc9, 0xc9], // É
  [0xd7, 0xd7], // ×
  [0xe0, 0xe0], // à
  [0xe2, 0xe2], // â
  [0xe4, 0xe4], // ä
  [0xe7, 0xeb], // ç è é ê ë
  [0xee, 0xef], // î ï
  [0xf1, 0xf1], // ñ
  [0xf4, 0xf4], // ô
  [0xf6, 0xf6], // ö
  [0xfb, 0xfc], // û ü
  [0x2013, 0x2014], // – —
  [0x2018, 0x2019], // ‘ ’
  [0x201c, 0x201d], // “ ”
  [0x2022, 0x2022], // •
  [0x2026, 0x2026], // …
  [0x2032, 0x2033], // ′ ″
  [0x2039, 0x203a], // ‹ ›
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2190], // ←
  [0x2192, 0x2192], // →
];

export function charsetCodePoints(): number[] {
  return RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** The set as a string, for the subsetter. */
export function charsetText(): string {
  return String.fromCodePoint(...charsetCodePoints());
}

/** CSS unicode-range for a set of code points: consecutive ones joined, e.g. "U+20-7E, U+A0". */
export function unicodeRange(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Characters of `text` the fonts do not have (letters, digits, punctuation and symbols; not spaces or emoji), each once. */
export function missingCharacters(text: string): string[] {
  const have = new Set(charsetCodePoints());
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (have.has(cp) || /\s|\p{Extended_Pictographic}|\p{Emoji_Component}|[\u200b-\u200d]/u.test(ch)) continue;
    missing.add(ch);
  }
  return [...missing].sort();
}
