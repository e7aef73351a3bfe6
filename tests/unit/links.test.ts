import { describe, expect, it } from 'vitest';
import { fragmentIds, hasFragment, urlsInDataFile, urlsInJson, urlsInMarkup } from '../../scripts/lib/links/extract.ts';
import { decodeEntities } from '../../src/lib/html.ts';
import { formatReport, groupByTarget, passed, postSlugOf, type LinkReport } from '../../scripts/lib/links/report.ts';
import { fileForPath, isSiteUrl, normaliseBase, pathForFile } from '../../src/lib/site-paths.ts';

const files = new Set(['index.html', 'posts/a/index.html', 'rss.xml', 'api/v1/posts.json', 'img/a b.png']);

describe('site paths', () => {
  it('normalises a base path', () => {
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('blog')).toBe('/blog/');
    expect(normaliseBase('/blog/')).toBe('/blog/');
  });

  it('maps a served path to the dist/ file a static host answers with', () => {
    expect(fileForPath('/', '/', files)).toBe('index.html');
    expect(fileForPath('/posts/a/', '/', files)).toBe('posts/a/index.html');
    expect(fileForPath('/posts/a', '/', files)).toBe('posts/a/index.html');
    expect(fileForPath('/rss.xml', '/', files)).toBe('rss.xml');
    expect(fileForPath('/img/a%20b.png', '/', files)).toBe('img/a b.png');
    expect(fileForPath('/posts/b/', '/', files)).toBeUndefined();
  });

  it('answers only under the base path', () => {
    expect(fileForPath('/blog/posts/a/', '/blog/', files)).toBe('posts/a/index.html');
    expect(fileForPath('/posts/a/', '/blog/', files)).toBeUndefined();
    expect(fileForPath('/blog/', '/blog/', files)).toBe('index.html');
  });

  it('gives the served path of a file', () => {
    expect(pathForFile('index.html', '/blog/')).toBe('/blog/');
    expect(pathForFile('posts/a/index.html', '/')).toBe('/posts/a/');
    expect(pathForFile('404.html', '/')).toBe('/404.html');
    expect(pathForFile('img/a b.png', '/')).toBe('/img/a%20b.png');
  });

  it('knows the site’s own URLs: its origin, under its base', () => {
    const site = { origin: 'https://www.example.com', base: '/blog/' };
    expect(isSiteUrl(new URL('https://www.example.com/blog/posts/a/'), site)).toBe(true);
    expect(isSiteUrl(new URL('https://www.example.com/'), site)).toBe(false);
    expect(isSiteUrl(new URL('https://example.com/blog/'), site)).toBe(false);
  });
});

describe('links in data files', () => {
  it('decodes character references', () => {
    expect(decodeEntities('a &amp; b &lt;a href=&quot;/x/&quot;&gt; &#39;&#x41;')).toBe('a & b <a href="/x/"> \'A');
  });

  it('finds links in RSS, including escaped HTML in descriptions and the stylesheet', () => {
    const rss = `<?xml version="1.0"?><?xml-stylesheet href="/rss.xsl" type="text/xsl"?>
      <rss><channel><link>https://www.example.com/</link>
      <item><link>https://www.example.com/posts/a/</link>
      <description>&lt;p&gt;See &lt;a href="https://www.example.com/posts/b/#sources"&gt;b&lt;/a&gt; and https://doi.org/10.1/x.&lt;/p&gt;</description>
      <enclosure url="https://www.example.com/og/a.png" type="image/png"/></item></channel></rss>`;
    expect(urlsInMarkup(rss).sort()).toEqual(
      [
        '/rss.xsl',
        'https://doi.org/10.1/x',
        'https://www.example.com/',
        'https://www.example.com/og/a.png',
        'https://www.example.com/posts/a/',
        'https://www.example.com/posts/b/#sources',
      ].sort(),
    );
  });

  it('keeps balanced parentheses in a URL and drops the prose around it', () => {
    expect(urlsInMarkup('(see https://en.wikipedia.org/wiki/Massage_(therapy)).')).toEqual([
      'https://en.wikipedia.org/wiki/Massage_(therapy)',
    ]);
  });

  it('finds links in JSON: absolute URLs, link-like keys and HTML strings', () => {
    const api = {
      items: [{ url: 'https://www.example.com/posts/a/', title: 'Not a link: /posts/x/', content_html: '<a href="../b/">b</a>' }],
      next: '/api/v1/posts/2.json',
      icons: [{ src: 'icon-192.png' }],
      email: 'mailto:hello@example.com',
    };
    expect(urlsInJson(api).sort()).toEqual(['../b/', '/api/v1/posts/2.json', 'https://www.example.com/posts/a/', 'icon-192.png'].sort());
  });

  it('reads a file by its kind and ignores JSON that does not parse', () => {
    expect(urlsInDataFile('robots.txt', 'Sitemap: https://www.example.com/sitemap-index.xml')).toEqual([
      'https://www.example.com/sitemap-index.xml',
    ]);
    expect(urlsInDataFile('api/v1/broken.json', '{ not json https://x.org/')).toEqual([]);
    expect(urlsInDataFile('site.webmanifest', '{"start_url": "/"}')).toEqual(['/']);
    expect(urlsInDataFile('page.html', '<a href="/x/">')).toEqual([]);
  });
});

describe('fragment targets', () => {
  const html = `<h2 id="sources-heading">Sources</h2><p id='single'>x</p><div data-id="no"></div><a name="legacy"></a><li id=bare>`;

  it('collects ids and legacy anchor names', () => {
    expect([...fragmentIds(html)].sort()).toEqual(['bare', 'legacy', 'single', 'sources-heading']);
  });

  it('accepts existing ids, #top and percent-encoded fragments', () => {
    const ids = new Set(['sources-heading', 'café']);
    expect(hasFragment(ids, 'sources-heading')).toBe(true);
    expect(hasFragment(ids, 'top')).toBe(true);
    expect(hasFragment(ids, 'caf%C3%A9')).toBe(true);
    expect(hasFragment(ids, 'sources')).toBe(false);
  });
});

describe('the report', () => {
  const report: LinkReport = {
    dist: 'dist',
    base: '/blog/',
    pages: 3,
    internalUrls: 10,
    dataFiles: 2,
    broken: [
      { url: '/blog/posts/gone/', parent: '/blog/posts/b/', status: 404, reason: 'not found' },
      { url: '/blog/posts/gone/', parent: '/blog/posts/a/', status: 404, reason: 'not found' },
      { url: '/blog/posts/gone/', parent: '/blog/posts/a/', status: 404, reason: 'not found' },
    ],
    redirects: [],
    external: { urls: 4, checked: false, ok: 0, broken: [], inconclusive: 0 },
    otherSchemes: 1,
    ms: 1234,
  };

  it('groups broken links by target with each linking page once', () => {
    expect(groupByTarget(report.broken)).toEqual([
      { url: '/blog/posts/gone/', status: 404, reason: 'not found', parents: ['/blog/posts/a/', '/blog/posts/b/'] },
    ]);
  });

  it('fails on a broken internal link and names the page and its source file', () => {
    expect(passed(report)).toBe(false);
    const text = formatReport(report, (parent) => (parent === '/blog/posts/a/' ? 'content/posts/2026-11-01-a.md' : undefined));
    expect(text).toContain('/blog/posts/gone/  not found (HTTP 404)');
    expect(text).toContain('linked from /blog/posts/a/  (written in content/posts/2026-11-01-a.md)');
    expect(text).toContain('linked from /blog/posts/b/\n');
    expect(text).toContain('4 links counted, not requested');
  });

  it('passes with no broken links', () => {
    expect(passed({ ...report, broken: [] })).toBe(true);
    expect(formatReport({ ...report, broken: [] })).toMatch(/No broken links\.$/);
  });

  it('finds the post slug of a page path', () => {
    expect(postSlugOf('/blog/posts/a-b/', '/blog/')).toBe('a-b');
    expect(postSlugOf('/blog/posts/a-b/#x', '/blog/')).toBe('a-b');
    expect(postSlugOf('/blog/tags/a/', '/blog/')).toBeUndefined();
    expect(postSlugOf('/posts/a/', '/blog/')).toBeUndefined();
  });
});

describe('URLs that are names, not links', () => {
  it('skips XML namespaces, Atom ids and guids that are not permalinks', () => {
    const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
      <entry><id>https://www.example.com/posts/old-address/</id><link href="https://www.example.com/posts/a/"/></entry>
      <item><guid isPermaLink="false">https://www.example.com/posts/first/</guid><guid>https://www.example.com/posts/b/</guid></item></urlset>`;
    expect(urlsInMarkup(xml).sort()).toEqual(['https://www.example.com/posts/a/', 'https://www.example.com/posts/b/']);
  });

  it('skips JSON Schema ids, JSON Feed ids and OpenAPI server URLs', () => {
    const json = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://www.example.com/api/v1/schemas/post.json',
      version: 'https://jsonfeed.org/version/1.1',
      servers: [{ url: 'https://www.example.com/api/v1' }],
      items: [{ id: 'https://www.example.com/posts/first/', url: 'https://www.example.com/posts/a/' }],
    };
    expect(urlsInJson(json)).toEqual(['https://www.example.com/posts/a/']);
  });
});
