/** `npm run check:links` names the content file behind a page by the reader's address, not by a guess from file names. */
import { describe, expect, it } from 'vitest';
import { postSourceFinder } from '../../scripts/lib/links/sources.ts';
import { VALID_FRONTMATTER, makeContent, post } from './support/temp-content.ts';

describe('the file behind a post page', () => {
  const dir = makeContent({
    'posts/2026/2026-11-20-first-name.md': post(`${VALID_FRONTMATTER}\nslug: chosen-address`),
    'posts/2026-11-21-plain.md': post(VALID_FRONTMATTER),
  });
  const sourceOf = postSourceFinder({ contentDir: dir, root: dir, timeZone: 'America/New_York', base: '/blog/' });

  it('follows `slug:` and subfolders', () => {
    expect(sourceOf('/blog/posts/chosen-address/')).toBe('posts/2026/2026-11-20-first-name.md');
    expect(sourceOf('/blog/posts/plain/')).toBe('posts/2026-11-21-plain.md');
  });

  it('has no file for an address no post has, or a page that is not a post', () => {
    expect(sourceOf('/blog/posts/first-name/')).toBeUndefined();
    expect(sourceOf('/blog/tags/massage/')).toBeUndefined();
  });
});
