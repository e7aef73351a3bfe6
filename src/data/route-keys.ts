/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a rebuild copies a page from the previous build instead of rendering it
 * when its key, its code (Astro hashes the page's modules) and the content
 * it rendered with render() are all unchanged.
 *
 * The key is the fingerprint of everything the page renders from besides its
 * code: its params and props, plus what every page shows (the site settings
 * and the authors). So a keyed route must render from those alone, never from
 * data it fetches itself: a post page gets its neighbours and related posts as
 * props. Posts go in whole (their data and their file's digest, which
 * together decide the body's HTML), so a typo fixed in one post re-renders
 * that post and the few pages that show it, and nothing else. The equivalence test
 * (tests/build/incremental.test.ts) builds edited content both ways and
 * requires byte-identical sites.
 */
import { getAuthors, showsUnpublished } from './posts.ts';
import { fingerprint } from '../lib/fingerprint.ts';
import { sharedHtmlCache } from '../lib/post-html-cache.ts';
import { site } from '../site.config.ts';

let shared: Promise<string> | undefined;

/**
 * What every page shows: the site settings (env overrides included) and the authors; and what
 * decides every post body besides the post (the Markdown setup and the code of its plugins), which
 * Astro's own hash of a page's code does not see, as the plugins run when the content loads.
 */
function sharedInputs(): Promise<string> {
  const markdown = sharedHtmlCache()?.identity ?? null;
  const compute = () => getAuthors().then((authors) => fingerprint({ site, authors, markdown }));
  // `astro dev` never reuses pages, and must see edits to authors.
  if (showsUnpublished) return compute();
  shared ??= compute();
  return shared;
}

interface StaticPath {
  params: Record<string, string | number | undefined>;
  props?: object;
}

/**
 * `paths` from getStaticPaths() with a `cacheKey` on each. `extra` adds what a
 * path renders from that is neither a param nor a prop (say, the moment a
 * feed reports as its last change).
 */
export async function withCacheKeys<P extends StaticPath>(
  paths: readonly P[],
  extra?: (path: P) => unknown,
): Promise<(P & { cacheKey: string })[]> {
  const common = await sharedInputs();
  return paths.map((path) => ({
    ...path,
    cacheKey: fingerprint([common, path.params, path.props ?? null, extra ? (extra(path) ?? null) : null]),
  }));
}
