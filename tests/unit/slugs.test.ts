import { describe, expect, it } from 'vitest';
import { slugFromFileName } from '../../src/lib/slugs.ts';
import { SLUG_PATTERN, slugify } from '../../src/schema/slug.ts';

describe('slugs', () => {
  it('takes the slug from the file name without the date', () => {
    expect(slugFromFileName('2026-11-27-massage-after-exercise.md')).toBe('massage-after-exercise');
    expect(slugFromFileName('posts/2026/2026-11-27-thai-yoga.mdx')).toBe('thai-yoga');
    expect(slugFromFileName('no-date-here.md')).toBe('no-date-here');
  });

  it('turns titles into slugs', () => {
    expect(slugify('Massage After Exercise: More Than Relaxation—It’s Cellular')).toBe(
      'massage-after-exercise-more-than-relaxation-its-cellular',
    );
    expect(slugify('  Déjà vu & Café  ')).toBe('deja-vu-cafe');
    expect(SLUG_PATTERN.test(slugify('What’s new in 2026?'))).toBe(true);
  });

  it('accepts only lowercase hyphenated words', () => {
    expect(SLUG_PATTERN.test('thai-massage')).toBe(true);
    for (const bad of ['Thai-Massage', 'thai_massage', 'thai--massage', '-thai', 'thai massage', '']) {
      expect(SLUG_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
