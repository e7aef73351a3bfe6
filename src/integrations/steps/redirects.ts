/**
 * Every old address of a public post keeps working: a post's earlier slugs on
 * this site (`previousSlugs`) and its addresses on the site it was imported
 * from (`redirectFrom`). The build writes
 * - a small page at each old address under the site's folder (meta refresh,
 *   canonical, a link), for hosts that only serve files;
 * - `_redirects` in the output's root, which Netlify and Cloudflare Pages turn
 *   into real 301s (forced, since the pages above exist too);
 * - an S3 website routing-rules file and an nginx `map` for those hosts, in
 *   the deploy folder next to the output (they configure the host and are not
 *   served; see docs/publishing.md).
 * Only public posts redirect: a redirect to a draft would land nowhere.
 *
 * A redirect page never replaces a file the build wrote (the home page, a
 * picture): the content check refuses such addresses (siteAddressAt), so one
 * reaching this step is a fault in the code, and the build stops here rather
 * than ship a site whose home page forwards elsewhere.
 */
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hostLimitWarnings } from '../../lib/redirects/host-limits.ts';
import { netlifyRedirects, netlifyRules } from '../../lib/redirects/netlify.ts';
import { nginxRedirectMap } from '../../lib/redirects/nginx.ts';
import { collectRedirects, type Redirect, type RedirectingPost } from '../../lib/redirects/redirects.ts';
import { s3RoutingRules, s3RoutingRulesJson } from '../../lib/redirects/s3.ts';
import { isRedirectPage, redirectPages, type RedirectPage } from '../../lib/redirects/static-pages.ts';
import { createUrls } from '../../lib/urls.ts';

export interface RedirectSite {
  url: string;
  base: string;
  lang: string;
}

export interface RedirectsWritten {
  redirects: number;
  pages: number;
  /** Old addresses outside the site's folder: only a host rule can answer them. */
  outside: Redirect[];
  /** Host rule files past what the host takes, with what to do instead: for the build log. */
  warnings: string[];
}

/** What is at `file` now: nothing, one of our redirect pages (a previous build's), or something else. */
async function occupant(file: string): Promise<'none' | 'redirect-page' | 'other'> {
  try {
    const stat = await lstat(file);
    if (!stat.isFile()) return 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    // ENOTDIR: a folder on the way is a file the build wrote.
    return 'other';
  }
  return isRedirectPage(await readFile(file, 'utf8')) ? 'redirect-page' : 'other';
}

async function writePage(outDir: string, page: RedirectPage): Promise<void> {
  const file = join(outDir, page.file);
  if ((await occupant(file)) === 'other') {
    throw new Error(
      `The redirect page for ${page.from} would replace ${page.file}, which the build wrote. The content check should have refused this old address; make siteAddressAt (src/lib/redirects/site-routes.ts) cover it.`,
    );
  }
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(
      `The redirect page for ${page.from} cannot be written at ${page.file} (${(error as Error).message}); siteAddressAt should have refused this old address.`,
      { cause: error },
    );
  }
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, page.html);
  await rename(temp, file);
}

export async function writeRedirects(
  posts: readonly RedirectingPost[],
  site: RedirectSite,
  outDir: string,
  deployDir: string,
): Promise<RedirectsWritten> {
  const redirects = collectRedirects(posts, { base: site.base });
  const origin = new URL(site.url).origin;
  const { pages, outside } = redirectPages(redirects, { urls: createUrls(site), base: site.base, lang: site.lang });
  await Promise.all(pages.map((page) => writePage(outDir, page)));
  await mkdir(deployDir, { recursive: true });
  const s3Rules = s3RoutingRules(redirects, { origin });
  await Promise.all([
    writeFile(join(outDir, '_redirects'), netlifyRedirects(redirects, { force: true })),
    writeFile(join(deployDir, 's3-routing-rules.json'), s3RoutingRulesJson(s3Rules)),
    writeFile(join(deployDir, 'nginx-redirects.map'), nginxRedirectMap(redirects)),
  ]);
  const warnings = hostLimitWarnings({ redirectsFileRules: netlifyRules(redirects).length, s3Rules: s3Rules.length });
  return { redirects: redirects.length, pages: pages.length, outside, warnings };
}
