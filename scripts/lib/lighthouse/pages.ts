/**
 * Which pages of a built site Lighthouse measures: the home page, one post, one tag page
 * and the not-found page (issue 15's four). The post is the first one the home page links
 * to (the newest, the one it leads with, picture and all); the tag is the first one that
 * post links to. Both can be named instead.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditTarget {
  /** home, post, tag or 404. */
  name: string;
  /** The address under the site's base path, without a leading slash ('' is the home page). */
  path: string;
  /** Lighthouse audits left out for this page, on purpose (see NOT_FOUND). */
  skipAudits?: string[];
}

/**
 * The not-found page, at its own address. Readers get the same file with status 404 at any
 * missing address, but Lighthouse counts a 404 against a page twice over (SEO's
 * http-status-code, and the browser's "failed to load" line in best practices' console
 * check), so it is measured where hosts answer 200. One SEO audit is left out: is-crawlable,
 * because 404.html says noindex on purpose (src/lib/seo/sitemap.ts), so that the file is
 * never indexed when a host serves it at /404.html.
 */
export const NOT_FOUND: AuditTarget = { name: '404', path: '404.html', skipAudits: ['is-crawlable'] };

const isRedirectPage = (html: string) => /<meta[^>]+http-equiv=["']?refresh/i.test(html);

function readPage(dist: string, path: string): string | undefined {
  const file = join(dist, path, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The first `<base>section/slug/` link of a page whose target is a real page of the build (not a forward to another address). */
function firstLinked(html: string, base: string, section: string, dist: string): string | undefined {
  const pattern = new RegExp(`href="${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(${section}/[^/"#?]+/)"`, 'g');
  for (const [, path] of html.matchAll(pattern)) {
    const page = readPage(dist, path!);
    if (page && !isRedirectPage(page)) return path;
  }
  return undefined;
}

/** The first real page of a section, by folder name, when nothing links to one. */
function firstInSection(dist: string, section: string): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const page = readPage(dist, `${section}/${entry.name}/`);
    if (page && !isRedirectPage(page)) return `${section}/${entry.name}/`;
  }
  return undefined;
}

export interface TargetChoice {
  /** A post's slug, instead of the home page's first. */
  post?: string | undefined;
  /** A tag's slug, instead of the post's first. */
  tag?: string | undefined;
}

/**
 * The four pages to measure in the build at `dist`, built for `base` (such as '/' or '/blog/').
 * Throws when the build lacks one, naming it.
 */
export function auditTargets(dist: string, base: string, choice: TargetChoice = {}): AuditTarget[] {
  const home = readPage(dist, '');
  if (home === undefined) throw new Error(`${dist} has no index.html: build the site first (npm run build), or name a build with --dist.`);
  const post = choice.post ? `posts/${choice.post}/` : (firstLinked(home, base, 'posts', dist) ?? firstInSection(dist, 'posts'));
  if (!post || readPage(dist, post) === undefined)
    throw new Error(`${dist} has no post page${choice.post ? ` posts/${choice.post}/` : ''} to measure.`);
  const tag = choice.tag ? `tags/${choice.tag}/` : (firstLinked(readPage(dist, post)!, base, 'tags', dist) ?? firstInSection(dist, 'tags'));
  if (!tag || readPage(dist, tag) === undefined)
    throw new Error(`${dist} has no tag page${choice.tag ? ` tags/${choice.tag}/` : ''} to measure.`);
  if (!existsSync(join(dist, '404.html'))) throw new Error(`${dist} has no 404.html to measure.`);
  return [{ name: 'home', path: '' }, { name: 'post', path: post }, { name: 'tag', path: tag }, NOT_FOUND];
}
