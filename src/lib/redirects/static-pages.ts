/**
 * A redirect as a page, for hosts that serve files and nothing else (GitHub
 * Pages, a plain bucket): the browser follows the meta refresh at once, search
 * engines read the canonical link as "this moved there", and a person whose
 * browser does neither gets a link.
 */
import { escapeHtml } from '../html.ts';
import { normaliseBase } from '../site-paths.ts';
import type { Urls } from '../urls.ts';
import type { Redirect } from './redirects.ts';

export interface RedirectPageOptions {
  /** The site's addresses: the canonical link must be absolute. */
  urls: Pick<Urls, 'fromRoot'>;
  /** The folder the site is served from, "/" or "/blog/". */
  base: string;
  lang: string;
}

export interface RedirectPage {
  /** The old address the page answers. */
  from: string;
  /** Where the page goes in the build output, relative to it: `post/massage-after-exercise/index.html`. */
  file: string;
  html: string;
}

const MOVED_TITLE = 'This page has moved';

/**
 * Whether a file in the output is a redirect page (a previous build's, at the
 * same old address), so writing it again replaces nothing the build made.
 */
export function isRedirectPage(html: string): boolean {
  return (
    html.startsWith('<!doctype html>') &&
    html.includes(`<title>${MOVED_TITLE}</title>`) &&
    html.includes('<meta http-equiv="refresh" content="0; url=')
  );
}

/** The page's HTML: meta refresh, canonical, noindex, and a link for people. */
export function redirectPageHtml(to: string, opts: Pick<RedirectPageOptions, 'urls' | 'lang'>): string {
  const target = opts.urls.fromRoot(to);
  const href = escapeHtml(target);
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${MOVED_TITLE}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${href}">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p>This page has moved to <a href="${href}">${href}</a>.</p>
</body>
</html>
`;
}

/**
 * The file that answers `from` on a static host, relative to the build output;
 * undefined when `from` lies outside the site's folder (only a host rule can
 * answer there).
 */
export function redirectPageFile(from: string, base: string): string | undefined {
  const root = normaliseBase(base);
  if (!from.startsWith(root)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(from.slice(root.length));
  } catch {
    return undefined;
  }
  if (!rest || rest.split('/').some((s) => s === '..' || s === '.')) return undefined;
  // `/2019/05/post.html` is a file of its own; `/post/x` and `/post/x/` are folders.
  if (/\.html?$/i.test(rest)) return rest;
  return `${rest.replace(/\/+$/, '')}/index.html`;
}

/** One page per redirect that a static host can serve; `outside` lists those only a host rule can serve. */
export function redirectPages(redirects: readonly Redirect[], opts: RedirectPageOptions): { pages: RedirectPage[]; outside: Redirect[] } {
  const pages: RedirectPage[] = [];
  const outside: Redirect[] = [];
  const seen = new Set<string>();
  for (const r of redirects) {
    const file = redirectPageFile(r.from, opts.base);
    if (!file) {
      outside.push(r);
      continue;
    }
    if (seen.has(file)) continue;
    seen.add(file);
    pages.push({ from: r.from, file, html: redirectPageHtml(r.to, opts) });
  }
  return { pages, outside };
}
