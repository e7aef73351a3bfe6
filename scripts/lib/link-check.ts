/**
 * Checks every link of a built site: linkinator reads every HTML page and
 * stylesheet, served locally under the base path, and requests what they link
 * to (pages, images, srcset, url()s, scripts, feeds and API files, #fragments);
 * then the feeds, API, sitemap and manifest files are read here for the links
 * inside them.
 * External links are counted and skipped unless `external` is set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LinkChecker, LinkState, type CheckOptions, type LinkResult } from 'linkinator';
import { dataFileKind, fragmentIds, hasFragment, urlsInDataFile } from './links/extract.ts';
import type { LinkProblem, LinkReport } from './links/report.ts';
import { fileForPath, isSiteUrl, normaliseBase, originOf, pathForFile, type SiteLocation } from '../../src/lib/site-paths.ts';
import { serveDist } from './static-server.ts';

export interface LinkCheckOptions {
  /** The built site folder. */
  dist: string;
  /** The base path it was built for. */
  base: string;
  /** The deployed site URL it was built for (absolute links to it are the site's own). */
  siteUrl: string;
  /** Request external links too (needs a network). */
  external?: boolean;
  /** Parallel requests to the local server. */
  concurrency?: number;
}

function listFiles(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')),
  );
}

/** Pages handed to one linkinator run (see the comment at the crawl). */
const PAGES_PER_RUN = 100;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const withoutHash = (url: string) => url.split('#')[0] ?? url;

function reasonOf(result: LinkResult): string {
  for (const detail of result.failureDetails ?? []) {
    if (detail instanceof Error) {
      const fragment = /Fragment identifier '#(.*)' not found/.exec(detail.message);
      if (fragment) return `no element with id="${fragment[1]}" on that page`;
    }
  }
  if (result.status === 404) return 'not found';
  if (!result.status) return 'could not be loaded';
  return 'failed';
}

export async function checkLinks(options: LinkCheckOptions): Promise<LinkReport> {
  const started = performance.now();
  const base = normaliseBase(options.base);
  const site: SiteLocation = { origin: originOf(options.siteUrl), base };
  const files = listFiles(options.dist);
  const server = await serveDist(options.dist, base);
  const local = server.origin;
  const display = (url: string | undefined) => (url?.startsWith(local) ? url.slice(local.length) : (url ?? '(start)'));

  const broken: LinkProblem[] = [];
  const redirects: LinkProblem[] = [];
  /** External URL (without #fragment) → the pages linking to it. */
  const externals = new Map<string, Set<string>>();
  const otherSchemes = new Set<string>();
  const internalUrls = new Set<string>();
  const crawledPages = new Set<string>();

  const addExternal = (url: string, parent: string) => {
    const key = new URL(withoutHash(url)).href;
    let parents = externals.get(key);
    if (!parents) externals.set(key, (parents = new Set()));
    parents.add(parent);
  };

  const crawlOptions = (paths: string[]): CheckOptions => ({
    path: paths,
    // Every page is a starting point (below), so nothing needs to be found by following links.
    recurse: false,
    checkCss: true,
    checkFragments: true,
    concurrency: options.concurrency ?? 32,
    timeout: 20_000,
    redirects: 'warn',
    // Absolute links to the deployed site (canonical, og:image, JSON-LD) are checked against this build.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(site.origin + base)}`), replacement: `${local}${base}` }],
    // Only this build is checked; every other http(s) link is counted here and checked later, if at all.
    linksToSkip: async (href) => {
      const url = new URL(href);
      return url.origin !== local && !isSiteUrl(url, site);
    },
  });

  const crawl = async (paths: string[]) => {
    const checker = new LinkChecker();
    const firstParent = new Map<string, string>();
    checker.on('pagestart', (url) => crawledPages.add(display(String(url))));
    checker.on('link', (r) => {
      const parent = display(r.parent);
      if (r.state === LinkState.SKIPPED) {
        if (/^https?:/.test(r.url) && !r.url.startsWith(local)) addExternal(r.url, parent);
        else if (!r.url.startsWith(local)) otherSchemes.add(r.url);
        return;
      }
      internalUrls.add(withoutHash(r.url));
      if (!firstParent.has(r.url)) firstParent.set(r.url, parent);
      if (r.state === LinkState.BROKEN) {
        const problem: LinkProblem = { url: display(r.url), parent, reason: reasonOf(r) };
        if (r.status && r.status !== 200) problem.status = r.status;
        broken.push(problem);
      }
    });
    const redirected: { url: string; target: string }[] = [];
    checker.on('redirect', (r) => {
      if (r.url.startsWith(local)) redirected.push({ url: r.url, target: display(r.targetUrl) });
    });
    await checker.check(crawlOptions(paths));
    // The link event comes after the redirect event, so parents are looked up at the end.
    for (const r of redirected) {
      redirects.push({ url: display(r.url), parent: firstParent.get(r.url) ?? '(start)', reason: `redirects to ${r.target}` });
    }
  };

  // Every page and stylesheet of the build is read, whether or not a link leads to it
  // (404.html, a page a feature forgot to link). Linkinator looks up each repeated link
  // in all its results so far, which grows with the square of the site's size in one
  // run; batches of pages keep that linear (5,000 posts: minutes → seconds).
  const seeds = [...files]
    .filter((f) => /\.(html|css)$/.test(f))
    .sort()
    .map((f) => `${local}${pathForFile(f, base)}`);
  try {
    for (let i = 0; i < seeds.length; i += PAGES_PER_RUN) await crawl(seeds.slice(i, i + PAGES_PER_RUN));
  } finally {
    await server.close();
  }

  // Feeds, API, sitemap, manifest, robots.txt: read here, since a crawler reads only HTML and CSS.
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) idsCache.set(file, (ids = fragmentIds(readFileSync(join(options.dist, file), 'utf8'))));
    return ids;
  };
  const dataFiles = [...files].filter((f) => dataFileKind(f)).sort();
  for (const file of dataFiles) {
    const parent = pathForFile(file, base);
    const fileUrl = `${site.origin}${parent}`;
    for (const raw of urlsInDataFile(file, readFileSync(join(options.dist, file), 'utf8'))) {
      let url: URL;
      try {
        url = new URL(raw, fileUrl);
      } catch {
        broken.push({ url: raw, parent, reason: 'is not a valid address' });
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        otherSchemes.add(url.href);
        continue;
      }
      const rootRelativeOutsideBase = raw.startsWith('/') && !raw.startsWith('//') && !url.pathname.startsWith(base);
      if (!isSiteUrl(url, site) && !rootRelativeOutsideBase) {
        addExternal(url.href, parent);
        continue;
      }
      const target = fileForPath(url.pathname, base, files);
      const shown = `${url.pathname}${url.search}${url.hash}`;
      internalUrls.add(`${local}${url.pathname}`);
      if (!target) {
        broken.push({ url: shown, parent, reason: rootRelativeOutsideBase ? `not found: outside the base path ${base}` : 'not found' });
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment && target.endsWith('.html')) {
        if (!hasFragment(idsOf(target), fragment))
          broken.push({ url: shown, parent, reason: `no element with id="${fragment}" on that page` });
      }
    }
  }

  const report: LinkReport = {
    dist: options.dist,
    base,
    pages: [...crawledPages].filter((p) => !p.endsWith('.css')).length,
    internalUrls: internalUrls.size,
    dataFiles: dataFiles.length,
    broken,
    redirects,
    external: { urls: externals.size, checked: false, ok: 0, broken: [], inconclusive: 0 },
    otherSchemes: otherSchemes.size,
    ms: 0,
  };
  if (options.external && externals.size) report.external = await checkExternal(externals);
  report.ms = performance.now() - started;
  return report;
}

/** Requests each external URL once, with retries and backoff, and names the pages that link to failures. */
async function checkExternal(externals: Map<string, Set<string>>): Promise<LinkReport['external']> {
  const wanted = new Set([...externals.keys()].map((u) => new URL(u).href));
  const summary: LinkReport['external'] = { urls: externals.size, checked: true, ok: 0, broken: [], inconclusive: 0 };
  const checker = new LinkChecker();
  checker.on('retry', (r) => console.error(`  retrying ${r.url} in ${r.secondsUntilRetry} s (HTTP ${r.status || 'error'})`));
  const { links } = await checker.check({
    path: [...wanted],
    recurse: false,
    concurrency: 8,
    timeout: 20_000,
    retry: true,
    retryErrors: true,
    retryErrorsCount: 3,
    retryErrorsJitter: 1000,
    // The external pages' own links are not ours to check.
    linksToSkip: async (href) => !wanted.has(href),
  });
  for (const r of links) {
    if (r.parent !== undefined) continue;
    if (r.state === LinkState.OK) summary.ok++;
    else if (r.state === LinkState.SKIPPED) summary.inconclusive++;
    else {
      for (const parent of externals.get(r.url) ?? ['(unknown)']) {
        const problem: LinkProblem = { url: r.url, parent, reason: reasonOf(r) };
        if (r.status) problem.status = r.status;
        summary.broken.push(problem);
      }
    }
  }
  return summary;
}
