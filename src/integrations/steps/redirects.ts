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
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { netlifyRedirects } from '../../lib/redirects/netlify.ts';
import { nginxRedirectMap } from '../../lib/redirects/nginx.ts';
import { collectRedirects, type Redirect, type RedirectingPost } from '../../lib/redirects/redirects.ts';
import { s3RoutingRulesJson } from '../../lib/redirects/s3.ts';
import { redirectPages } from '../../lib/redirects/static-pages.ts';
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
  await Promise.all(
    pages.map(async (page) => {
      const file = join(outDir, page.file);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, page.html);
    }),
  );
  await mkdir(deployDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, '_redirects'), netlifyRedirects(redirects, { force: true })),
    writeFile(join(deployDir, 's3-routing-rules.json'), s3RoutingRulesJson(redirects, { origin })),
    writeFile(join(deployDir, 'nginx-redirects.map'), nginxRedirectMap(redirects)),
  ]);
  return { redirects: redirects.length, pages: pages.length, outside };
}
