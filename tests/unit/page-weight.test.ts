import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assetFile, brotliSize, fontUrls, gzipSize, inlineScriptBytes, pageAssets, pageWeight } from '../../scripts/lib/page-weight.ts';

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
  const files: Record<string, string> = {
    '_astro/site.css': 'body{color:red}'.repeat(50),
    '_astro/print.css': '@media print{nav{display:none}}',
    '_astro/app.js': 'let a=1;',
    '_astro/lora.woff2': 'f'.repeat(1000),
  };
  const read = (f: string) => (files[f] === undefined ? undefined : Buffer.from(files[f]!));
  // Sizes worked out here with node:zlib itself, at the levels a server would use, not with the module's helpers.
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  const br = (s: string) => brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

  it('adds the compressed HTML, CSS and JS', () => {
    const w = pageWeight('p.html', html, '/blog/', read);
    const css = files['_astro/site.css']!;
    const js = files['_astro/app.js']!;
    expect(w.gzip).toEqual({ html: gz(html), css: gz(css), js: gz(js), total: gz(html) + gz(css) + gz(js) });
    expect(w.brotli.total).toBe(br(html) + br(css) + br(js));
    expect(w.images).toBe(2);
    expect(w.jsBytes).toBe(17 + 8); // console.log("hi") and let a=1;
  });

  it('compresses each stylesheet on its own, as a server sends them', () => {
    const twoSheets = html.replace('<link rel="icon"', '<link rel="stylesheet" href="/blog/_astro/print.css"><link rel="icon"');
    const [a, b] = [files['_astro/site.css']!, files['_astro/print.css']!];
    expect(gz(a) + gz(b)).not.toBe(gz(a + b)); // otherwise this test could not tell the two ways apart
    expect(pageWeight('p.html', twoSheets, '/blog/', read).gzip.css).toBe(gz(a) + gz(b));
  });

  it('weighs the fonts the CSS names apart, each file once, outside the total', () => {
    const w = pageWeight('p.html', html, '/blog/', read);
    expect(w.fonts).toEqual({ files: ['/blog/_astro/lora.woff2'], bytes: 1000 });
    expect(w.gzip.total).toBe(gz(html) + gz(files['_astro/site.css']!) + gz(files['_astro/app.js']!));
  });

  it('fails loudly when a page loads a file that is not in the build', () => {
    expect(() => pageWeight('p.html', html, '/blog/', () => undefined)).toThrow(/p\.html loads \/blog\/_astro\/site\.css/);
  });
});

describe('gzipSize and brotliSize', () => {
  it('measure at the strongest levels', () => {
    const text = 'a reader on a phone '.repeat(40);
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).length);
    expect(brotliSize(text)).toBe(brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    expect(gzipSize(text)).toBeLessThan(text.length);
  });
});
