import { describe, expect, it } from 'vitest';
import { emojiImages, emojiIn, emojiKey, emojiSvg, isEmoji } from '../../src/lib/og/emoji.ts';

describe('emoji in titles', () => {
  it('tells emoji from text symbols', () => {
    for (const e of ['🌿', '🧘‍♀️', '❤️', '👍🏽', '🇺🇸', '1️⃣', '🏳️‍🌈']) expect(isEmoji(e), e).toBe(true);
    for (const t of ['a', '1', '#', '©', '™', '→', '—', '…', '’', 'é']) expect(isEmoji(t), t).toBe(false);
  });

  it('finds each emoji of a text once, whole', () => {
    expect(emojiIn('Stretch 🌿 and breathe 🧘‍♀️, stretch 🌿 again')).toEqual(['🌿', '🧘‍♀️']);
  });

  it('keys emoji the way the Iconify set does: four or more hex digits, no presentation selector', () => {
    expect(emojiKey('🌿')).toBe('1f33f');
    expect(emojiKey('❤️')).toBe('2764');
    expect(emojiKey('🧘‍♀️')).toBe('1f9d8-200d-2640');
    expect(emojiKey('🇺🇸')).toBe('1f1fa-1f1f8');
    expect(emojiKey('1️⃣')).toBe('0031-20e3');
  });

  it('has an SVG for common emoji, sequences, skin tones and flags', () => {
    for (const e of ['🌿', '🧘‍♀️', '❤️', '👍🏽', '🇺🇸', '1️⃣', '💆', '🙏']) {
      const svg = emojiSvg(e);
      expect(svg, e).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+">/);
      expect(svg, e).toContain('<path');
    }
    expect(emojiSvg('x')).toBeUndefined();
  });

  it('gives satori a data URI per emoji', () => {
    const images = emojiImages('Rest 🌿 well 🌿');
    expect(Object.keys(images)).toEqual(['🌿']);
    expect(images['🌿']).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
