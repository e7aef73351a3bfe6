/**
 * Page weight: what a reader downloads for one page before images, compressed
 * the way a server sends it. Budget: 14 KB, what fits in the first round trip
 * of a new connection (TCP's initial window of 10 packets), so a post on a
 * phone shows after one trip rather than several.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const POST_BUDGET_BYTES = 14 * 1024;

/** Fonts are weighed apart: every font file a page's CSS can load, at most this many bytes in all (already compressed as WOFF2). */
export { FONT_BUDGET_BYTES } from '../../src/lib/fonts/faces.ts';

export interface PageAssets {
  stylesheets: string[];
  scripts: string[];
  images: string[];
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Stylesheets, external scripts and images a page asks for (images are counted, not weighed). */
export function pageAssets(html: string): PageAssets {
  const out: PageAssets = { stylesheets: [], scripts: [], images: [] };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (rel.includes('stylesheet') && href) out.stylesheets.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) out.scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) out.images.push(src);
  }
  return out;
}

/** Font files the page's own CSS and its stylesheets name (url(…) of a .woff2 or .woff), each once. */
export function fontUrls(css: string): string[] {
  return [...new Set([...css.matchAll(/url\(\s*["']?([^"')\s]+\.woff2?)(?:[?#][^"')]*)?["']?\s*\)/gi)].map((m) => m[1]!))];
}

/** Bytes of JavaScript written into the page itself (not JSON-LD or other data blocks). */
export function inlineScriptBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (attr(`<x ${attrs}>`, 'src')) continue;
    const type = attr(`<x ${attrs}>`, 'type')?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    total += Buffer.byteLength(m[2] ?? '');
  }
  return total;
}

/** A root-relative asset URL → a file path relative to the built site, or undefined if it is elsewhere. */
export function assetFile(url: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
  const path = url.split(/[?#]/)[0]!;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!path.startsWith(prefix)) return undefined;
  return decodeURIComponent(path.slice(prefix.length));
}

export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

export function brotliSize(data: string | Uint8Array): number {
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

export interface PageWeight {
  page: string;
  images: number;
  /** Compressed bytes of each part; each file is compressed on its own, as a server would. */
  gzip: { html: number; css: number; js: number; total: number };
  brotli: { total: number };
  /** Uncompressed JavaScript: inline and external. */
  jsBytes: number;
  /** The font files the CSS can load and their bytes in all (counted apart from the budget above). */
  fonts: { files: string[]; bytes: number };
}

/**
 * The weight of one page: its HTML plus every stylesheet and script it loads.
 * `read` returns a file of the built site by relative path (undefined if missing).
 */
export function pageWeight(page: string, html: string, base: string, read: (file: string) => Uint8Array | undefined): PageWeight {
  const assets = pageAssets(html);
  const load = (urls: string[]) =>
    urls.map((u) => {
      const file = assetFile(u, base);
      const data = file === undefined ? undefined : read(file);
      if (!data) throw new Error(`${page} loads ${u}, which is not in the build`);
      return data;
    });
  const css = load(assets.stylesheets);
  const js = load(assets.scripts);
  const fontList = fontUrls([html, ...css.map((c) => Buffer.from(c).toString('utf8'))].join('\n'));
  const fonts = load(fontList);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const gz = { html: gzipSize(html), css: sum(css.map(gzipSize)), js: sum(js.map(gzipSize)), total: 0 };
  gz.total = gz.html + gz.css + gz.js;
  return {
    page,
    images: assets.images.length,
    gzip: gz,
    brotli: { total: brotliSize(html) + sum(css.map(brotliSize)) + sum(js.map(brotliSize)) },
    jsBytes: inlineScriptBytes(html) + sum(js.map((d) => d.length)),
    fonts: { files: fontList, bytes: sum(fonts.map((d) => d.length)) },
  };
}
