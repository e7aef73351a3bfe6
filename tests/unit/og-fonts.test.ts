import { describe, expect, it } from 'vitest';
import { EMOJI_WIDTH_EM, MEASURE_SLACK, ogFonts } from '../../src/lib/og/fonts.ts';

const LATIN_EXTENDED = 'Zoë Łucja Ødegård-Núñez, Čapek, Dvořák, Şahin, Tiếng, Ærø; “quotes” ‘single’ — dash – en … ½ €';

describe('the card fonts', () => {
  const fonts = ogFonts();

  it('come from npm packages as WOFF files, one name per file for satori', () => {
    expect(fonts.satori.length).toBeGreaterThanOrEqual(6);
    for (const f of fonts.satori) expect(f.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
    expect(new Set(fonts.satori.map((f) => `${f.name}/${f.weight}`)).size).toBe(fonts.satori.length);
    expect(fonts.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draw accents, curly quotes and dashes in every face', () => {
    for (const face of ['serif', 'sans', 'sansBold'] as const) expect(fonts.missing[face](LATIN_EXTENDED), face).toEqual([]);
  });

  it('report characters they cannot draw', () => {
    expect(fonts.missing.serif('Hello 你好')).toEqual(['你', '好']);
  });

  it('measure from glyph advances, emoji one em wide', () => {
    const m = fonts.measure.serif;
    expect(m('MMMM', 40)).toBeCloseTo(2 * m('MM', 40));
    expect(m('W', 40)).toBeGreaterThan(m('i', 40));
    expect(m('Ł', 40)).toBeLessThan(40); // a real glyph, not the missing-character width
    expect(m('🌿', 40)).toBeCloseTo(EMOJI_WIDTH_EM * 40 * MEASURE_SLACK);
    expect(m('e\u0301', 40)).toBeCloseTo(m('e', 40)); // a combining accent adds no width
  });
});
