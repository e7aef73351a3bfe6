import { describe, expect, it } from 'vitest';
import { absoluteSrcset, absoluteUrl, absolutizeHtml } from '../../src/lib/feeds/absolute-urls.ts';

const PAGE = 'https://studio.example/blog/posts/the-post/';

describe('absoluteUrl', () => {
  it.each([
    ['../other-post/', 'https://studio.example/blog/posts/other-post/'],
    ['#sources-heading', 'https://studio.example/blog/posts/the-post/#sources-heading'],
    ['/blog/_astro/hero.jpg', 'https://studio.example/blog/_astro/hero.jpg'],
    ['picture.jpg', 'https://studio.example/blog/posts/the-post/picture.jpg'],
    ['https://doi.org/10.1/x', 'https://doi.org/10.1/x'],
    ['mailto:hello@studio.example', 'mailto:hello@studio.example'],
    ['  ../padded/  ', 'https://studio.example/blog/posts/padded/'],
  ])('%s → %s', (value, expected) => {
    expect(absoluteUrl(value, PAGE)).toBe(expected);
  });
});

describe('absoluteSrcset', () => {
  it('keeps width and density descriptors', () => {
    expect(absoluteSrcset('/blog/_astro/a.webp 480w, /blog/_astro/b.webp 800w', PAGE)).toBe(
      'https://studio.example/blog/_astro/a.webp 480w, https://studio.example/blog/_astro/b.webp 800w',
    );
    expect(absoluteSrcset('../../icon.png 1x,../../big.png 2x', PAGE)).toBe(
      'https://studio.example/blog/icon.png 1x, https://studio.example/blog/big.png 2x',
    );
  });

  it('accepts candidates without descriptors and stray whitespace', () => {
    expect(absoluteSrcset('  a.png,  b.png 2x  ', PAGE)).toBe(
      'https://studio.example/blog/posts/the-post/a.png, https://studio.example/blog/posts/the-post/b.png 2x',
    );
  });
});

describe('absolutizeHtml', () => {
  it('rewrites href, src, srcset and poster and leaves the rest of the HTML as it was', () => {
    const html =
      '<p class="x">See <a href="../other/">this</a> and <a href="#fn-1" id="ref-1">1</a>.</p>\n' +
      '<img alt="A &quot;quoted&quot; leaf" src="/blog/_astro/a.webp" srcset="/blog/_astro/a.webp 1x, /blog/_astro/b.webp 2x">\n' +
      '<video poster="poster.jpg"><source src="clip.mp4" type="video/mp4"></video>';
    expect(absolutizeHtml(html, PAGE)).toBe(
      '<p class="x">See <a href="https://studio.example/blog/posts/other/">this</a> and <a href="https://studio.example/blog/posts/the-post/#fn-1" id="ref-1">1</a>.</p>\n' +
        '<img alt="A &quot;quoted&quot; leaf" src="https://studio.example/blog/_astro/a.webp" srcset="https://studio.example/blog/_astro/a.webp 1x, https://studio.example/blog/_astro/b.webp 2x">\n' +
        '<video poster="https://studio.example/blog/posts/the-post/poster.jpg"><source src="https://studio.example/blog/posts/the-post/clip.mp4" type="video/mp4"></video>',
    );
  });

  it('handles unquoted and single-quoted attributes and keeps entities in URLs escaped', () => {
    expect(absolutizeHtml("<a href=../x/?a=1&amp;b=2>x</a><img src='y.png'>", PAGE)).toBe(
      '<a href="https://studio.example/blog/posts/x/?a=1&amp;b=2">x</a><img src="https://studio.example/blog/posts/the-post/y.png">',
    );
  });

  it('leaves absolute URLs, text that looks like a tag, and comments alone', () => {
    const html = '<p><code>&lt;a href="/raw"&gt;</code> <a href="https://doi.org/10.1/x">doi</a></p><!-- <a href="/c"> -->';
    expect(absolutizeHtml(html, PAGE)).toBe(html);
  });

  it('reaches into template content and SVG links', () => {
    const out = absolutizeHtml('<template><a href="t/">t</a></template><svg><a href="s/"><text>s</text></a></svg>', PAGE);
    expect(out).toContain('href="https://studio.example/blog/posts/the-post/t/"');
    expect(out).toContain('href="https://studio.example/blog/posts/the-post/s/"');
  });
});
