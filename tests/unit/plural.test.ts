import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/plural.ts';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'post')).toBe('1 post');
    expect(plural(0, 'post')).toBe('0 posts');
    expect(plural(2, 'post')).toBe('2 posts');
  });

  it('takes the plural it is given for words that do not just add an s', () => {
    expect(plural(3, 'old address', 'old addresses')).toBe('3 old addresses');
    expect(plural(1, 'old address', 'old addresses')).toBe('1 old address');
  });
});
