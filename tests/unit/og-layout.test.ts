import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  balanceLines,
  ellipsize,
  fitLine,
  fitTitle,
  graphemes,
  linesAllowed,
  wrapText,
  type Measure,
  type TitleBox,
} from '../../src/lib/og/layout.ts';

/** A monospaced stand-in for a font: every character half an em, "W" and emoji a full em. */
const measure: Measure = (text, size) =>
  graphemes(text).reduce((w, g) => w + (g === 'W' || /\p{Extended_Pictographic}/u.test(g) ? 1 : 0.5), 0) * size;

const box: TitleBox = { sizes: [80, 60, 40], maxWidth: 600, maxHeight: 300, lineHeight: 1.25, maxLines: 4 };

describe('wrapText', () => {
  it('puts as many words on a line as fit and keeps every word in order', () => {
    const text = 'Massage after exercise: what one study found inside the muscle';
    const lines = wrapText(text, 400, 40, measure); // 20 characters a line
    for (const line of lines) expect(measure(line, 40)).toBeLessThanOrEqual(400);
    expect(lines.join(' ')).toBe(text);
    // Greedy: the next word would not have fitted on any line.
    for (let i = 0; i < lines.length - 1; i++) {
      expect(measure(`${lines[i]} ${lines[i + 1]!.split(' ')[0]}`, 40)).toBeGreaterThan(400);
    }
  });

  it('collapses stray spaces and newlines', () => {
    expect(wrapText('  Rest \n and   recover ', 1000, 40, measure)).toEqual(['Rest and recover']);
  });

  it('breaks a word longer than a line, after a hyphen when there is one', () => {
    const lines = wrapText('self-myofascial-release-techniques', 400, 40, measure);
    for (const line of lines) expect(measure(line, 40)).toBeLessThanOrEqual(400);
    expect(lines.join('')).toBe('self-myofascial-release-techniques');
    expect(lines[0]).toBe('self-myofascial-');
  });

  it('never splits an emoji sequence', () => {
    const woman = '🧘‍♀️';
    const lines = wrapText(woman.repeat(6), 3 * 40, 40, measure);
    expect(lines).toEqual([woman.repeat(3), woman.repeat(3)]);
  });
});

describe('fitTitle', () => {
  it('keeps a short title at the largest size', () => {
    expect(fitTitle('Rest days', box, measure)).toEqual({ fontSize: 80, lines: ['Rest days'], clamped: false });
  });

  it('shrinks a longer title to the largest size at which it fits', () => {
    const title = 'Thai yoga massage for runners who sit at a desk all day long';
    const fit = fitTitle(title, box, measure);
    expect(fit.clamped).toBe(false);
    expect(fit.lines.join(' ')).toBe(title);
    expect(fit.lines.length).toBeLessThanOrEqual(linesAllowed(box, fit.fontSize));
    const larger = box.sizes.filter((s) => s > fit.fontSize);
    expect(larger.length).toBeGreaterThan(0);
    for (const size of larger) expect(wrapText(title, box.maxWidth, size, measure).length).toBeGreaterThan(linesAllowed(box, size));
  });

  it('never gets larger as the title gets longer', () => {
    let previous = Infinity;
    for (let words = 1; words < 40; words++) {
      const { fontSize } = fitTitle(Array.from({ length: words }, () => 'stretch').join(' '), box, measure);
      expect(fontSize).toBeLessThanOrEqual(previous);
      previous = fontSize;
    }
  });

  it('clamps a title too long for the smallest size with an ellipsis, inside the box', () => {
    const title = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const fit = fitTitle(title, box, measure);
    expect(fit.clamped).toBe(true);
    expect(fit.fontSize).toBe(40);
    expect(fit.lines).toHaveLength(linesAllowed(box, 40));
    expect(fit.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    for (const line of fit.lines) expect(measure(line, fit.fontSize)).toBeLessThanOrEqual(box.maxWidth);
    expect(fit.lines.length * fit.fontSize * box.lineHeight).toBeLessThanOrEqual(box.maxHeight);
    // What is shown is the start of the title, in order.
    expect(title.startsWith(fit.lines.join(' ').slice(0, -1).trimEnd())).toBe(true);
  });

  it('respects maxLines even when the height would allow more', () => {
    const fit = fitTitle('a '.repeat(400), { ...box, maxHeight: 10_000, maxLines: 2 }, measure);
    expect(fit.lines).toHaveLength(2);
  });

  it('clamps one enormous word too', () => {
    const fit = fitTitle('W'.repeat(500), box, measure);
    expect(fit.clamped).toBe(true);
    for (const line of fit.lines) expect(measure(line, fit.fontSize)).toBeLessThanOrEqual(box.maxWidth);
  });
});

describe('ellipsize and fitLine', () => {
  it('drops whole words and trailing punctuation before the ellipsis', () => {
    expect(ellipsize('Breathe, stretch, rest and repeat', 360, 40, measure)).toBe(`Breathe, stretch${ELLIPSIS}`);
  });

  it('cuts inside a word only when a single word is too wide', () => {
    const out = ellipsize('Supercalifragilistic', 200, 40, measure);
    expect(out).toBe(`Supercali${ELLIPSIS}`); // nine half-em letters and the ellipsis: 10 × 20 px
    expect(measure(out, 40)).toBeLessThanOrEqual(200);
  });

  it('leaves text that fits alone', () => {
    expect(fitLine('Ada Fixture', 1000, 28, measure)).toBe('Ada Fixture');
    expect(measure(fitLine('A very long author name indeed', 200, 28, measure), 28)).toBeLessThanOrEqual(200);
  });
});

describe('balanceLines', () => {
  it('keeps the number of lines but evens them out, so no word is left alone', () => {
    const text = 'Massage after exercise: what one study found inside the muscles';
    const greedy = wrapText(text, 600, 40, measure);
    const balanced = balanceLines(text, 600, 40, measure);
    expect(balanced).toHaveLength(greedy.length);
    expect(balanced.join(' ')).toBe(text);
    const widths = (lines: string[]) => lines.map((l) => measure(l, 40));
    expect(Math.max(...widths(balanced))).toBeLessThanOrEqual(600);
    const spread = (lines: string[]) => Math.max(...widths(lines)) - Math.min(...widths(lines));
    expect(spread(balanced)).toBeLessThan(spread(greedy));
  });

  it('leaves one line alone', () => {
    expect(balanceLines('Rest days', 600, 40, measure)).toEqual(['Rest days']);
  });
});
