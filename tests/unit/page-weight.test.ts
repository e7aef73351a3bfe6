import { describe, expect, it } from 'vitest';
import { assetFile, fontUrls, gzipSize, inlineScriptBytes, pageAssets, pageWeight } from '../../scripts/lib/page-weight.ts';

const html = `<!doctype html><html><head>
<link rel="stylesheet" href="/blog/_astro/site.css"><link rel="icon" href="/blog/favicon.svg">
<style>@font-face{font-family:Lora;src:url(/blog/_astro/lora.woff2) format("woff2")}</style>
<script type="application/ld+json">{"@type":"BlogPosting"}</script>
<script type="module">console.log("hi")</script>
<script src="/blog/_astro/app.js" type="module"></script>
</head><body><img src="/blog/_astro/a.webp" alt=""><img alt="" src='/blog/_astro/b.webp'></body></html>`;

describe('pageAssets', () => {
  it('finds stylesheets, external scripts and images', () => {
    expect(pageAssets(html)).toEqual({
      stylesheets: ['/blog/_astro/site.css'],
      scripts: ['/blog/_astro/app.js'],
      images: ['/blog/_astro/a.webp', '/blog/_astro/b.webp'],
    });
  });
});

describe('inlineScriptBytes', () => {
  it('counts inline JavaScript but not JSON-LD or external scripts', () => {
    expect(inlineScriptBytes(html)).toBe('console.log("hi")'.length);
  });
});

describe('fontUrls', () => {
  it('finds the font files in CSS, quoted or not, each once', () => {
    const css = `@font-face{src:url(/_astro/a.woff2) format("woff2")}@font-face{src:url('/_astro/b.woff2?v=2')}@font-face{src:url("/_astro/a.woff2")}.x{background:url(/i.png)}`;
    expect(fontUrls(css)).toEqual(['/_astro/a.woff2', '/_astro/b.woff2']);
  });
});

describe('assetFile', () => {
  it('maps URLs under the base to files, and nothing else', () => {
    expect(assetFile('/blog/_astro/site.css?v=1', '/blog/')).toBe('_astro/site.css');
    expect(assetFile('/_astro/site.css', '/')).toBe('_astro/site.css');
    expect(assetFile('https://cdn.example.com/x.css', '/')).toBeUndefined();
    expect(assetFile('//cdn.example.com/x.css', '/')).toBeUndefined();
  });
});

describe('pageWeight', () => {
  const files: Record<string, string> = { '_astro/site.css': 'body{color:red}'.repeat(50), '_astro/app.js': 'let a=1;', '_astro/lora.woff2': 'f'.repeat(1000) };
  const read = (f: string) => (files[f] === undefined ? undefined : Buffer.from(files[f]!));

  it('adds the compressed HTML, CSS and JS, each compressed on its own', () => {
    const w = pageWeight('p.html', html, '/blog/', read);
    expect(w.gzip.html).toBe(gzipSize(html));
    expect(w.gzip.css).toBe(gzipSize(files['_astro/site.css']!));
    expect(w.gzip.js).toBe(gzipSize(files['_astro/app.js']!));
    expect(w.gzip.total).toBe(w.gzip.html + w.gzip.css + w.gzip.js);
    expect(w.images).toBe(2);
    expect(w.jsBytes).toBe('console.log("hi")'.length + 'let a=1;'.length);
    expect(w.brotli.total).toBeGreaterThan(0);
  });

  it('weighs the fonts the CSS names apart, each file once', () => {
    const w = pageWeight('p.html', html, '/blog/', read);
    expect(w.fonts).toEqual({ files: ['/blog/_astro/lora.woff2'], bytes: 1000 });
    expect(w.gzip.total).toBe(w.gzip.html + w.gzip.css + w.gzip.js);
  });

  it('fails loudly when a page loads a file that is not in the build', () => {
    expect(() => pageWeight('p.html', html, '/blog/', () => undefined)).toThrow(/p\.html loads \/blog\/_astro\/site\.css/);
  });
});
