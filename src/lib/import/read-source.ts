/**
 * What a source's text is, and its posts: a feed, a WordPress export, a list
 * of post addresses, or a web page (whose feed the caller may follow). Pure:
 * the caller fetched or read the text.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { readFeed } from './feed.ts';
import type { SourceKind, SourcePost } from './source-post.ts';
import { isWxr, readWxr } from './wxr.ts';

export type SourceText =
  | { ok: true; kind: SourceKind; posts: SourcePost[]; failures: { id: string; reason: string }[]; link?: string | undefined }
  | { ok: false; kind: 'html' }
  | { ok: false; kind?: undefined; reason: string };

const XML_START = /^\s*<(\?xml|rss|feed|rdf:RDF|urlset)\b/i;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i;

/** The posts of a list of addresses: one a line; blank lines and lines starting with # are skipped. */
export function readUrlList(text: string): { posts: SourcePost[]; failures: { id: string; reason: string }[] } {
  const posts: SourcePost[] = [];
  const failures: { id: string; reason: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      failures.push({ id: `line ${i + 1}`, reason: `"${line}" is not a web address; write one full address (https://…) a line` });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      failures.push({ id: `line ${i + 1}`, reason: `"${line}" is not a web page address; it must start with https://` });
      return;
    }
    url.hash = '';
    if (seen.has(url.href)) return;
    seen.add(url.href);
    posts.push({ id: url.href, url: url.href, summaryOnly: true, categories: [] });
  });
  return { posts, failures };
}

/**
 * The addresses in a sitemap (`<urlset><url><loc>`), for a blog whose feed
 * holds only its latest posts (a Wix site usually lists its posts in
 * /blog-posts-sitemap.xml).
 */
function sitemapAddresses(xml: string): string[] {
  const doc = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as { urlset?: { url?: { loc?: unknown }[] } };
  return (doc.urlset?.url ?? []).map((u) => (typeof u.loc === 'string' ? u.loc.trim() : '')).filter(Boolean);
}

/** Where and why XML is not well-formed, or undefined when it is. */
function xmlSyntaxProblem(xml: string): string | undefined {
  try {
    SyntaxValidator.validate(xml);
    return undefined;
  } catch (error) {
    const e = error as { line?: number; col?: number; message?: string };
    return `line ${e.line ?? '?'}, column ${e.col ?? '?'}: ${(e.message ?? 'unreadable').replace(/\.$/, '')}`;
  }
}

export function readSourceText(raw: string): SourceText {
  const text = raw.replace(/^\uFEFF/, '');
  if (HTML_START.test(text)) return { ok: false, kind: 'html' };
  if (XML_START.test(text)) {
    const problem = xmlSyntaxProblem(text);
    if (problem) return { ok: false, reason: `is not well-formed XML (${problem}); export the feed again, or fix that line` };
    if (/<urlset[\s>]/.test(text.slice(0, 2000))) {
      const { posts, failures } = readUrlList(sitemapAddresses(text).join('\n'));
      return { ok: true, kind: 'url-list', posts, failures };
    }
    if (isWxr(text)) {
      const wxr = readWxr(text);
      return wxr.ok ? { ok: true, kind: 'wxr', posts: wxr.posts, failures: [], link: wxr.link } : wxr;
    }
    const feed = readFeed(text);
    return feed.ok ? { ok: true, kind: feed.format, posts: feed.posts, failures: [], link: feed.link } : feed;
  }
  const firstLine =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() && !l.trim().startsWith('#'))
      ?.trim() ?? '';
  if (!/^https?:\/\//i.test(firstLine)) {
    return {
      ok: false,
      reason: text.trim()
        ? 'is neither a feed (RSS, Atom), a WordPress export nor a list of post addresses (one https:// address a line)'
        : 'is empty',
    };
  }
  const { posts, failures } = readUrlList(text);
  return { ok: true, kind: 'url-list', posts, failures };
}
