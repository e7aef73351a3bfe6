import { describe, expect, it } from 'vitest';
import { excerptParts, isSearchable, resultDate, resultsMessage } from '../../src/lib/search.ts';

describe('isSearchable', () => {
  it('is true only for pages that mark a body for Pagefind', () => {
    expect(isSearchable('<article class="post" data-pagefind-body>')).toBe(true);
    expect(isSearchable('<article data-pagefind-body="">')).toBe(true);
    expect(isSearchable('<div data-pagefind-ignore>')).toBe(false);
    expect(isSearchable('<p>write data-pagefind-body-less text</p>')).toBe(false);
  });
});

describe('excerptParts', () => {
  it('splits marked words from plain text and decodes entities', () => {
    expect(excerptParts('A <mark>massage</mark> &amp; a <mark>stretch</mark>.')).toEqual([
      { text: 'A ', mark: false },
      { text: 'massage', mark: true },
      { text: ' & a ', mark: false },
      { text: 'stretch', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('never lets markup through as markup', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <mark>x</mark>');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> bold x');
    // The text is shown with textContent, so "<img …>" is only characters.
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['x']);
  });

  it('decodes numeric references and leaves unknown ones alone', () => {
    expect(excerptParts('caf&#233; &#x2014; &bogus;')).toEqual([{ text: 'café — &bogus;', mark: false }]);
  });
});

describe('resultsMessage', () => {
  it('counts posts and quotes the query', () => {
    expect(resultsMessage('massage ', 1)).toBe('1 post found for “massage”.');
    expect(resultsMessage('massage', 4)).toBe('4 posts found for “massage”.');
    expect(resultsMessage('zzz', 0)).toMatch(/^No posts found for “zzz”/);
    expect(resultsMessage('  ', 3)).toBe('');
  });

  it('names the topic a search is narrowed to, and lists a topic with no words', () => {
    expect(resultsMessage('oil', 2, 'massage')).toBe('2 posts found for “oil” in #massage.');
    expect(resultsMessage('oil', 0, 'massage')).toBe('No posts found for “oil” in #massage. Try another word or all topics.');
    expect(resultsMessage('', 3, 'recovery')).toBe('3 posts about #recovery.');
  });
});

describe('resultDate', () => {
  it("shows the post's day as written in the studio's zone, whatever the reader's zone", () => {
    expect(resultDate('2026-11-01', 'en-US')).toBe('November 1, 2026');
    expect(resultDate('2026-12-31', 'en-US')).toBe('December 31, 2026');
    expect(resultDate(undefined, 'en-US')).toBeUndefined();
    expect(resultDate('yesterday', 'en-US')).toBeUndefined();
  });
});
