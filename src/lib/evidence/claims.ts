/**
 * Health claims in prose: sentences that use one of the studio's claim words
 * ("cures", "detox", "clinically", "reduces inflammation", …). A claim is fine
 * with a source beside it; without one, the content check asks for one.
 */

export interface ClaimMatcher {
  pattern: RegExp;
  /** The words anywhere, even inside others: a cheap first test for the many paragraphs that use none. */
  rough: RegExp;
}

export interface Claim {
  /** The sentence, as written. */
  sentence: string;
  /** The claim word or phrase as it appears. */
  word: string;
  /** Where the word starts in the text searched. */
  offset: number;
}

const NEGATION =
  /(?:^|\s)(?:not|never|no|nor|without|cannot|isn['’]t|aren['’]t|doesn['’]t|don['’]t|didn['’]t|won['’]t|can['’]t|unlikely to)\s+(?:\S+\s+){0,2}$/i;

/** One pattern for the whole list: whole words, any case, any spacing inside a phrase. */
export function claimMatcher(words: readonly string[]): ClaimMatcher | undefined {
  const alternatives = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))]
    // Longest first, so "boosts immunity" wins over a shorter word it contains.
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (!alternatives.length) return undefined;
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}-])`, 'giu'),
    rough: new RegExp(alternatives.join('|'), 'i'),
  };
}

/** Sentences of a paragraph with their offsets: split after . ! ? followed by a space and a capital or quote. */
export function sentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const boundary = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    out.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), offset: start });
  return out;
}

/** Each sentence's first claim word that is not negated ("does not cure" states no claim); questions claim nothing. */
export function findClaims(text: string, matcher: ClaimMatcher): Claim[] {
  const out: Claim[] = [];
  for (const s of sentences(text)) {
    if (/\?["”’)]?\s*$/.test(s.text)) continue;
    for (const m of s.text.matchAll(matcher.pattern)) {
      if (NEGATION.test(s.text.slice(0, m.index))) continue;
      out.push({ sentence: s.text.trim(), word: m[0], offset: s.offset + m.index });
      break;
    }
  }
  return out;
}
