/**
 * Where a link points in a built site: which URLs are the site's own (the
 * configured origin under the base path, or a path under the base), and which
 * file of dist/ answers a given path, the way a static host serves it.
 */

export interface SiteLocation {
  /** The deployed origin, such as https://www.myrituals.me (no path). */
  origin: string;
  /** The folder the site is served from: "/" or "/blog/". */
  base: string;
}

/** The base path with exactly one leading and one trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The origin of a site URL, without any path: https://example.com/x/ → https://example.com */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * True when `url` is one of the site's own pages or files: on the site's origin
 * and under its base. A link to the same domain outside the base (the studio's
 * main website when the blog lives at /blog/) is not the blog's.
 */
export function isSiteUrl(url: URL, site: SiteLocation): boolean {
  return url.origin === originOf(site.origin) && url.pathname.startsWith(normaliseBase(site.base));
}

/**
 * The dist/ file a static host serves for a path under the base, or undefined
 * when none would (outside the base, or no such file). `files` holds dist/'s
 * files as paths relative to it, with forward slashes.
 */
export function fileForPath(pathname: string, base: string, files: ReadonlySet<string>): string | undefined {
  const root = normaliseBase(base);
  if (!pathname.startsWith(root)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(root.length));
  } catch {
    return undefined;
  }
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(relative)) return relative;
  // A folder without its trailing slash: hosts redirect to the slash form.
  const index = `${relative}/index.html`;
  return files.has(index) ? index : undefined;
}

/** The path under which a dist/ file is served: `posts/a/index.html` → `/blog/posts/a/`. */
export function pathForFile(file: string, base: string): string {
  const root = normaliseBase(base);
  const served = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return `${root}${served.split('/').map(encodeURIComponent).join('/')}`;
}
