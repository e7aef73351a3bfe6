/**
 * An old post's HTML as this site's Markdown, with turndown: pictures point to
 * their downloaded files (with their alt text), links to other imported posts
 * point to their new addresses, headings start at level 2 (the title is the
 * page's only level 1), and DOI links are collected to propose citations.
 */
import { parseFragment } from 'parse5';
import TurndownService from 'turndown';
import { PLACEHOLDER_MARK } from '../authoring/template.ts';
import { attr, findAll } from './dom.ts';
import { originalPictureUrl } from './pictures.ts';

export interface PictureRef {
  /** The original picture's absolute address. */
  url: string;
  alt?: string | undefined;
}

/** Where a picture went: a file next to the post, or why it did not come. */
export type PicturePlace = { file: string } | { failed: string };

export interface DoiLink {
  doi: string;
  /** The words of the link, a hint of what the source is. */
  text: string;
}

export interface MarkdownOptions {
  /** The post's address on the old site: relative links and pictures are read against it. */
  baseUrl: string;
  /** Each picture's place, by original address. */
  pictures: ReadonlyMap<string, PicturePlace>;
  /** A picture not to repeat in the body (the hero, shown above it). */
  skipPicture?: string | undefined;
  /** The new address of an imported post the link points to, or undefined to keep the link. */
  linkTarget: (url: URL) => string | undefined;
}

export interface MarkdownResult {
  markdown: string;
  dois: DoiLink[];
  /** Pictures that had no alt text: written with a ✎ prompt for the writer. */
  missingAlt: number;
  /** Pictures left out of the body, with why. */
  dropped: { url: string; reason: string }[];
}

export const MISSING_ALT = `${PLACEHOLDER_MARK} Describe this picture`;

const DOI_HOST = /^(dx\.)?doi\.org$/i;

/** The address an <img> shows, given a way to read its attributes. */
function imageAddress(get: (name: string) => string | null | undefined, baseUrl: string): string | undefined {
  const srcset = get('srcset') ?? get('data-srcset');
  // The widest candidate of a srcset is the closest to the original.
  const widest = srcset
    ?.split(',')
    .map((c) => c.trim().split(/\s+/))
    .map(([u, w]) => ({ u, w: Number.parseInt(w ?? '0', 10) || 0 }))
    .sort((a, b) => b.w - a.w)[0]?.u;
  const src = [get('data-src'), get('data-lazy-src'), get('src'), widest].find((s) => s && !s.startsWith('data:'));
  if (!src) return undefined;
  try {
    return originalPictureUrl(new URL(src, baseUrl).href);
  } catch {
    return undefined;
  }
}

/** The pictures in the body, in order, each once, as original absolute addresses. */
export function bodyPictures(html: string, baseUrl: string): PictureRef[] {
  const seen = new Set<string>();
  const out: PictureRef[] = [];
  for (const img of findAll(parseFragment(html), (el) => el.tagName === 'img')) {
    const url = imageAddress((n) => attr(img, n), baseUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, alt: attr(img, 'alt') });
  }
  return out;
}

function lowestHeading(html: string): number {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/gi)].map((m) => Number(m[1]));
  return levels.length ? Math.min(...levels) : 2;
}

/** Alt text on one line, without the characters that would end it early. */
function altText(alt: string): string {
  return alt.replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();
}

export function htmlToMarkdown(html: string, opts: MarkdownOptions): MarkdownResult {
  const dois: DoiLink[] = [];
  const dropped: { url: string; reason: string }[] = [];
  let missingAlt = 0;
  // The body's top heading becomes level 2, whatever level the old site used.
  const shift = 2 - lowestHeading(html);

  // A line break as a backslash, not two invisible spaces that editors strip.
  const td = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    br: '\\',
  });
  td.remove(['script', 'style', 'noscript', 'template', 'form', 'button', 'select', 'textarea', 'input']);
  td.keep(['table']);

  td.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement(content, node) {
      const text = content.replace(/\s+/g, ' ').trim();
      if (!text) return '';
      const level = Math.min(6, Math.max(2, Number(node.nodeName.charAt(1)) + shift));
      return `\n\n${'#'.repeat(level)} ${text}\n\n`;
    },
  });

  td.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${body}${node.nextSibling ? '\n' : ''}`;
    },
  });

  td.addRule('picture', {
    filter: 'img',
    replacement(_content, node) {
      const img = node as HTMLElement;
      const url = imageAddress((n) => img.getAttribute(n), opts.baseUrl);
      if (!url || url === opts.skipPicture) return '';
      const place = opts.pictures.get(url);
      if (!place || 'failed' in place) {
        dropped.push({ url, reason: place && 'failed' in place ? place.failed : 'it was not downloaded' });
        return '';
      }
      let alt = altText(img.getAttribute('alt') ?? '');
      if (!alt) {
        missingAlt++;
        alt = MISSING_ALT;
      }
      return `![${alt}](${place.file})`;
    },
  });

  td.addRule('figcaption', {
    filter: 'figcaption',
    replacement(content) {
      const text = content.replace(/\s+/g, ' ').trim();
      return text ? `\n\n_${text}_\n\n` : '';
    },
  });

  td.addRule('embed', {
    filter: 'iframe',
    replacement(_content, node) {
      const src = (node as HTMLElement).getAttribute('src');
      if (!src) return '';
      try {
        const url = new URL(src, opts.baseUrl);
        const video = /(^|\.)(youtube(-nocookie)?\.com|youtu\.be|vimeo\.com)$/i.test(url.hostname);
        return `\n\n[${video ? 'Watch the video' : 'See the embedded content'}](${url.href})\n\n`;
      } catch {
        return '';
      }
    },
  });

  td.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement(content, node) {
      const href = (node as HTMLElement).getAttribute('href')!.trim();
      const text = content.trim();
      if (href.startsWith('#') || /^javascript:/i.test(href)) return content;
      let url: URL;
      try {
        url = new URL(href, opts.baseUrl);
      } catch {
        return content;
      }
      if (DOI_HOST.test(url.hostname) && /^\/10\.\d{4,9}\//.test(url.pathname)) {
        const doi = decodeURIComponent(url.pathname.slice(1));
        if (!dois.some((d) => d.doi === doi)) dois.push({ doi, text: text.replace(/[[\]()*_\\]/g, '') });
      }
      const target = url.protocol === 'http:' || url.protocol === 'https:' ? (opts.linkTarget(url) ?? url.href) : url.href;
      if (!text) return '';
      return `[${text}](${target.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
    },
  });

  const markdown = td
    .turndown(html)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''))
    // Site builders end paragraphs with a line break, and fill space with empty ones.
    .map((line) => line.replace(/^[\s\\]+$/, ''))
    .join('\n')
    .replace(/\\\n(?=\n|$)/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown: `${markdown}\n`, dois, missingAlt, dropped };
}
