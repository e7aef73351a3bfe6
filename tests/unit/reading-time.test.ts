import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('counts the words a reader reads, not markup, link targets or code', () => {
    const md = [
      '## A heading here',
      'Read [the study](https://doi.org/10.1126/x) today.',
      '![a picture](./img.jpg)',
      '```js\nconst notCounted = true;\n```',
      '<aside class="note">Two words</aside>',
      "It's well-known.",
    ].join('\n\n');
    // A heading here (3) + Read the study today (4) + Two words (2) + It's well-known (2)
    expect(countWords(md)).toBe(11);
  });

  it('counts accented words as words', () => {
    expect(countWords('Café naïve señor — déjà vu')).toBe(5);
  });

  it('rounds up to whole minutes at 238 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(238);
    expect(readingMinutes(words(238))).toBe(1);
    expect(readingMinutes(words(239))).toBe(2);
    expect(readingMinutes(words(714))).toBe(3);
  });

  it('never says zero minutes', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('Hello.')).toBe(1);
  });

  it('ignores MDX import and export lines', () => {
    expect(countWords("import X from './x.astro';\nexport const a = 1;\n\nJust four words here.")).toBe(4);
  });
});
