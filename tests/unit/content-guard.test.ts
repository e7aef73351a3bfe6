/** The build's content guard: errors from every rule stop `astro build`; warnings are shown and do not. */
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentGuard } from '../../src/integrations/content-guard.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { VALID_FRONTMATTER, makeContent, post } from './support/temp-content.ts';

function setup(files: Record<string, string>, command: 'build' | 'dev' = 'build') {
  vi.stubEnv('CONTENT_DIR', makeContent(files));
  vi.stubEnv('BLOG_NOW', FIXTURE_NOW);
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const hook = contentGuard({ timeZone: 'America/New_York' }).hooks['astro:config:setup'] as (o: unknown) => void;
  const run = () => hook({ command, config: { site: 'https://example.com', base: '/' }, logger: logger as unknown as AstroIntegrationLogger });
  return { run, logger };
}

describe('content guard', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('stops the build on an error from a content rule (a broken link to a post)', () => {
    const { run } = setup({ 'posts/2026-11-20-the-post.md': post(VALID_FRONTMATTER, 'See [the other post](../no-such-post/).\n') });
    expect(run).toThrow(/Content has problems[\s\S]*2026-11-20-the-post\.md:9 {2}body {2}links to "\.\.\/no-such-post\/", but no post has the address "no-such-post"/);
  });

  it('stops the build on the seed post\'s wrong study year', () => {
    const citation = '\ncitations:\n  - authors: ["Crane, J. D."]\n    year: 2012\n    title: Massage therapy attenuates inflammatory signaling\n    container: Science Translational Medicine\n    doi: 10.1126/scitranslmed.3002882';
    const { run } = setup({ 'posts/2026-11-20-the-post.md': post(VALID_FRONTMATTER + citation, 'A 2014 study published in Science Translational Medicine.\n') });
    expect(run).toThrow(/mentions "A 2014 study", but no citation of this post is from 2014/);
  });

  it('shows warnings and goes on building', () => {
    const { run, logger } = setup({ 'posts/2026-11-20-the-post.md': post(VALID_FRONTMATTER, '## Start\n\n#### Too deep\n') });
    expect(run).not.toThrow();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/1 warning:\n.*the heading "Too deep" jumps from level 2 to level 4/));
    expect(logger.info).toHaveBeenCalledWith('1 posts and 1 authors checked');
  });

  it('keeps the dev server running on errors, listing them', () => {
    const { run, logger } = setup({ 'posts/2026-11-20-the-post.md': post(VALID_FRONTMATTER, '') }, 'dev');
    expect(run).not.toThrow();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('body  is empty; write the post below the second --- line'));
  });
});
