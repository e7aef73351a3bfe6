import { describe, expect, it } from 'vitest';
import { neighbours } from '../../src/lib/post-model.ts';

const list = ['newest', 'middle', 'oldest'].map((slug) => ({ slug }));

describe('neighbours', () => {
  it('gives the newer and the older post of one in a newest-first list, none past either end', () => {
    expect(neighbours(list, 'middle')).toEqual({ newer: { slug: 'newest' }, older: { slug: 'oldest' } });
    expect(neighbours(list, 'newest')).toEqual({ older: { slug: 'middle' } });
    expect(neighbours(list, 'oldest')).toEqual({ newer: { slug: 'middle' } });
  });

  it('gives nothing for a post not in the list, and answers each list for itself', () => {
    expect(neighbours(list, 'elsewhere')).toEqual({});
    const other = [{ slug: 'middle' }, { slug: 'next' }];
    expect(neighbours(other, 'middle')).toEqual({ older: { slug: 'next' } });
    expect(neighbours(list, 'middle').older).toEqual({ slug: 'oldest' });
  });
});
