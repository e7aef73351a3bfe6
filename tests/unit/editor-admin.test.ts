/**
 * The pieces of /admin/ that are plain functions: which repository the editor
 * writes to, the page and its policy, the preview's header and Sources, and
 * the rewrite that keeps Sveltia's fonts off the CDN.
 */
import { describe, expect, it } from 'vitest';
import { skipGitHubStatusCheck } from '../../src/admin/github-status.ts';
import { ADMIN_CSP, adminPageHtml } from '../../src/lib/editor/admin-page.ts';
import { bundleKey, localFontUrls } from '../../src/lib/editor/bundle.ts';
import { previewHeaderHtml, previewSourcesHtml } from '../../src/lib/editor/preview.ts';
import { repositoryFrom, repositoryFromRemote } from '../../src/lib/editor/repository.ts';

describe('the repository the editor writes to', () => {
  it('is CMS_REPOSITORY, else GitHub Actions’ GITHUB_REPOSITORY, else the origin remote, else a local copy named after the folder', () => {
    expect(repositoryFrom({ CMS_REPOSITORY: 'studio/blog', GITHUB_REPOSITORY: 'other/repo' })).toEqual({
      name: 'studio/blog',
      branch: 'main',
      source: 'CMS_REPOSITORY',
    });
    expect(repositoryFrom({ GITHUB_REPOSITORY: 'other/repo', CMS_BRANCH: 'live' })).toEqual({
      name: 'other/repo',
      branch: 'live',
      source: 'GITHUB_REPOSITORY',
    });
    expect(repositoryFrom({}, 'git@github.com:studio/blog.git\n')).toMatchObject({ name: 'studio/blog', source: 'git remote' });
    expect(repositoryFrom({ CMS_REPOSITORY: 'not a repository' }, 'https://github.com/studio/blog')).toMatchObject({ name: 'studio/blog' });
    expect(repositoryFrom({}, undefined, 'wellness blog')).toMatchObject({ name: 'local/wellness-blog', source: 'none' });
  });

  it('reads GitHub remotes only', () => {
    expect(repositoryFromRemote('https://github.com/studio/blog.git')).toBe('studio/blog');
    expect(repositoryFromRemote('https://gitlab.com/studio/blog.git')).toBeUndefined();
    expect(repositoryFromRemote(undefined)).toBeUndefined();
  });
});

describe('the admin page', () => {
  const html = adminPageHtml({ title: 'Wellness <Rituals> editor', lang: 'en-US', script: 'cms/main.js' });

  it('carries its own policy, noindex and the script, and escapes what it is given', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${ADMIN_CSP}">`);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<title>Wellness &lt;Rituals&gt; editor</title>');
    expect(html).toContain('<script type="module" src="cms/main.js"></script>');
  });

  it('says nothing a <meta> policy cannot (frame-ancestors is ignored there, with a console error)', () => {
    expect(ADMIN_CSP).not.toContain('frame-ancestors');
    expect(ADMIN_CSP).not.toMatch(/'unsafe-eval'|\*/);
  });
});

describe("Sveltia's check of GitHub's status page", () => {
  it('is refused in the page, without a request, while every other request goes on', async () => {
    const asked: string[] = [];
    const scope = {
      fetch: async (input: RequestInfo | URL) => (asked.push(String(input instanceof Request ? input.url : input)), new Response('{}')),
    };
    skipGitHubStatusCheck(scope);
    await expect(scope.fetch('https://www.githubstatus.com/api/v2/status.json')).rejects.toThrow(/www\.githubstatus\.com is not asked/);
    await expect(scope.fetch(new Request('https://www.githubstatus.com/'))).rejects.toThrow(TypeError);
    await scope.fetch('https://api.github.com/user');
    await scope.fetch(new URL('https://api.github.com/repos/studio/blog'));
    await scope.fetch('config.yml');
    await scope.fetch('blob:http://127.0.0.1/1234');
    expect(asked).toEqual([
      'https://api.github.com/user',
      'https://api.github.com/repos/studio/blog',
      'config.yml',
      'blob:http://127.0.0.1/1234',
    ]);
  });
});

describe('the preview', () => {
  const ctx = { timeZone: 'America/New_York', locale: 'en-US', authorNames: { 'ada-fixture': 'Ada Fixture' } };

  it('shows the byline as the post page does: author name, date in the studio zone, read time', () => {
    const html = previewHeaderHtml(
      { title: 'A <b>title</b>', author: 'ada-fixture', date: '2026-11-01', tags: ['massage'], body: 'word '.repeat(500) },
      ctx,
    );
    expect(html).toContain('<h1>A &lt;b&gt;title&lt;/b&gt;</h1>');
    expect(html).toContain('<a>#massage</a>');
    expect(html).toMatch(/By <a rel="author">Ada Fixture<\/a><\/span>.*November 1, 2026.*<span>3 min read<\/span>/);
    expect(previewHeaderHtml({ author: 'nobody', readTime: 7, draft: true }, ctx)).toMatch(
      /Draft: not published[\s\S]*nobody[\s\S]*No date yet[\s\S]*7 min read/,
    );
  });

  it('lists the sources in APA style, and one still being filled in as typed', () => {
    const html = previewSourcesHtml([
      {
        authors: ['Crane, J. D.'],
        year: 2012,
        title: 'Massage therapy attenuates inflammatory signaling',
        container: 'Science Translational Medicine',
        doi: '10.1126/scitranslmed.3002882',
      },
      { authors: ['Half, D.'], year: 2020, title: 'Not <done>' },
    ]);
    expect(html).toMatch(/^<section class="sources"[^>]*><h2 id="sources-heading">Sources<\/h2><ol><li>Crane, J\. D\. \(2012\)/);
    expect(html).toContain('https://doi.org/10.1126/scitranslmed.3002882');
    expect(html).toContain('<li>Half, D. (2020) Not &lt;done&gt;</li>');
    expect(previewSourcesHtml([])).toBe('');
  });
});

describe("Sveltia's CDN fonts", () => {
  const assets = ['source-sans-3-latin-wght-normal-BqRLTx4X.woff2', 'noto-mono-latin-400-normal-DiC8lJru.woff2'];

  it('point at the copies in its package', () => {
    const css =
      'src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2) format("woff2");src:url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)';
    expect(localFontUrls(css, assets)).toBe(
      'src:url(cms/assets/source-sans-3-latin-wght-normal-BqRLTx4X.woff2) format("woff2");src:url(cms/assets/noto-mono-latin-400-normal-DiC8lJru.woff2)',
    );
  });

  it('stop the bundle when a font has no packaged copy', () => {
    expect(() => localFontUrls('url(https://cdn.jsdelivr.net/fontsource/fonts/inter@5.0.0/latin-400-normal.woff2)', assets)).toThrow(
      /inter@5\.0\.0.*no copy/,
    );
  });
});

describe('the bundle cache key', () => {
  const data = { posts: [], authors: [], preview: { timeZone: 'America/New_York', locale: 'en-US', authorNames: {} }, css: '' };

  it('is the same for the same inputs and changes with the data the bundle carries', () => {
    const root = process.cwd();
    expect(bundleKey(root, data)).toBe(bundleKey(root, structuredClone(data)));
    expect(bundleKey(root, { ...data, css: 'body { color: red }' })).not.toBe(bundleKey(root, data));
    expect(bundleKey(root, { ...data, preview: { ...data.preview, authorNames: { ada: 'Ada' } } })).not.toBe(bundleKey(root, data));
  });
});
