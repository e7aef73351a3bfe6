/**
 * The site's build pipeline: one integration that owns what a build shares
 * and runs its steps in order.
 *
 * 1. When Astro starts: read the content once (src/lib/content/) with the
 *    build's one "now", and share that reading with the content loader and
 *    the data layer (src/lib/content/session.ts). Content problems are
 *    reported here, in the writer's words; a build stops on them, or, in the
 *    publish workflow's hold-back mode (BLOG_HOLD_BACK=1), leaves out the posts
 *    that have them and stops only for problems that are not about one post.
 *    The Open Graph cards start drawing now, while Astro bundles.
 * 2. While Astro renders: every core draws cards.
 * 3. Once every page is written: the cards are written and the search index
 *    is built, alongside Astro's picture step.
 * 4. At the end: the redirects from old addresses, the files of the previous
 *    build that this one did not produce removed (dist/ is kept between builds,
 *    steps/output-dir.ts), the publish check, and the sitemap (from the same posts).
 *
 * Under `astro dev` the same reading feeds the pages (with drafts, scheduled
 * posts and the problems of broken ones), and the cards are drawn on request.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDirFrom } from '../lib/content/content-dir.ts';
import { formatReport } from '../lib/content/problems.ts';
import { postsWithErrors, siteErrors } from '../lib/content/read-content.ts';
import { createSession, shareSession, type ContentSession, type SessionMode } from '../lib/content/session.ts';
import type { ContentReport } from '../lib/content/types.ts';
import { createBuildRenderer, type OgRenderer } from '../lib/og/render.ts';
import { isPublic, resolveNow } from '../lib/publishing.ts';
import { publishReport } from '../lib/publish-report.ts';
import { sitemapPolicy } from '../lib/seo/sitemap.ts';
import { createUrls } from '../lib/urls.ts';
import { site } from '../site.config.ts';
import { buildCards, writeCards, type CardFile } from './steps/cards.ts';
import { devCards } from './steps/dev-cards.ts';
import { devRedirects } from './steps/dev-redirects.ts';
import { prepareOutDir, recordOutDir, removeStale, type KeptOutput } from './steps/output-dir.ts';
import { checkPublished } from './steps/publish-check.ts';
import { writeRedirects } from './steps/redirects.ts';
import { postPageFile, writeSearchIndex, type SearchIndexWritten } from './steps/search-index.ts';
import { plural } from '../lib/plural.ts';

export interface PipelineOptions {
  /** Leave out posts with problems instead of stopping (the publish workflow sets BLOG_HOLD_BACK=1). */
  holdBack?: boolean;
}

/** The publish workflow's record of this build (BLOG_PUBLISH_REPORT), written whole or not at all. */
function writePublishReport(path: string, session: ContentSession, holdBack: boolean): void {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const report = publishReport(session.report, session.posts, session.now(), createUrls(site), holdBack, site.timezone);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/**
 * Says what the reading found. Returns false when the build must stop: Astro
 * would wrap an error thrown from here in its own words and a stack trace, so
 * the caller prints the list and exits instead.
 */
function reportContent(report: ContentReport, mode: SessionMode, holdBack: boolean, logger: AstroIntegrationLogger): boolean {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  if (mode === 'dev') {
    // The dev server keeps going: a post with problems shows them on its own page.
    if (report.problems.length) logger.warn(`\n${formatReport(report.problems)}`);
    return true;
  }
  if (!errors.length) {
    if (warnings.length) logger.warn(`\n${formatReport(warnings)}`);
    logger.info(`${plural(report.posts.length, 'post')} and ${plural(report.authors.length, 'author')} checked`);
    return true;
  }
  const stopping = holdBack ? siteErrors(report) : errors;
  if (stopping.length) {
    console.error(`\nContent has problems. Fix these and build again:\n\n${formatReport(holdBack ? stopping : report.problems)}\n`);
    if (holdBack) console.error('(These are not about one post, so no post can be held back for them.)\n');
    return false;
  }
  const held = postsWithErrors(report);
  // What is left of the errors is in author files named by one post at most (see siteErrors): held back with it.
  const heldFiles = new Set([...held, ...errors.map((p) => p.file)]);
  const authorFiles = heldFiles.size - held.size;
  const heldProblems = report.problems.filter((p) => heldFiles.has(p.file));
  logger.warn(
    `\nHeld back ${plural(held.size, 'post')}${authorFiles ? ` and ${plural(authorFiles, 'author file')}` : ''}: ${heldFiles.size === 1 ? 'it is' : 'they are'} in no page, feed, picture or index of this build until fixed.\n\n${formatReport(heldProblems)}\n`,
  );
  const others = report.problems.filter((p) => !heldFiles.has(p.file) && p.severity === 'warning');
  if (others.length) logger.warn(`\n${formatReport(others)}`);
  return true;
}

export function sitePipeline(options: PipelineOptions = {}): AstroIntegration {
  const urls = createUrls(site);
  let session: ContentSession | undefined;
  let renderer: OgRenderer | undefined;
  let cards: CardFile[] = [];
  let outDir = '';
  let cacheDir = '';
  let output: KeptOutput | undefined;
  let base = '/';
  let cardsWritten: Promise<number> | undefined;
  let indexed: Promise<SearchIndexWritten> | undefined;

  const publicPosts = () => (session ? session.posts.filter((p) => isPublic(p, session!.now())) : []);
  const writeOutputs = () => {
    cardsWritten ??= renderer ? writeCards(renderer, cards, outDir) : Promise.resolve(0);
    // The search index in parts, one per year of publication: a rebuild makes again only the years it wrote a page of.
    indexed ??= writeSearchIndex(
      outDir,
      base,
      publicPosts().map((p) => ({ file: postPageFile(p.slug), part: String(p.date.getUTCFullYear()) })),
      { kept: output!.kept, since: output!.since, recordFile: join(cacheDir, 'site-pipeline/search-parts.json') },
    );
    // Awaited in astro:build:done; until then a failure must not count as unhandled.
    cardsWritten.catch(() => {});
    indexed.catch(() => {});
  };

  return {
    name: 'site-pipeline',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command === 'preview') return;
        const mode: SessionMode = command === 'dev' ? 'dev' : command === 'build' ? 'build' : 'sync';
        const holdBack = mode === 'build' && (options.holdBack ?? process.env.BLOG_HOLD_BACK === '1');
        session = createSession({
          mode,
          clock: () => resolveNow(process.env),
          contentDir: contentDirFrom(process.env, fileURLToPath(config.root)),
          timeZone: site.timezone,
          site: { url: config.site ?? site.url, base: config.base },
          evidence: site.evidence,
        });
        shareSession(session);
        const reportFile = mode === 'build' ? process.env.BLOG_PUBLISH_REPORT?.trim() : undefined;
        if (reportFile) writePublishReport(reportFile, session, holdBack);
        if (!reportContent(session.report, mode, holdBack, logger)) process.exit(1);

        const policy = () => sitemapPolicy(publicPosts(), urls, site.timezone);
        let current: ReturnType<typeof policy> | undefined;
        updateConfig({
          integrations: [
            sitemap({
              filter: (page) => (current ??= policy()).includes(page),
              serialize: (item) => {
                const lastmod = (current ??= policy()).lastmod(item.url);
                return lastmod ? { ...item, lastmod } : item;
              },
            }),
          ],
          // A build keeps dist/ and removes only what it no longer produces (steps/output-dir.ts).
          vite:
            mode === 'dev'
              ? { plugins: [devCards(session, urls, site), devRedirects(session, config.base)] }
              : { build: { emptyOutDir: false } },
        });

        if (mode !== 'build') return;
        renderer = createBuildRenderer();
        const authorNames = new Map(session.report.authors.map((a) => [a.id, a.data.name]));
        cards = buildCards(session.posts, authorNames, session.now(), site, urls);
        // One core is Astro's while it syncs content and bundles.
        renderer.limitThreads(Math.max(1, availableParallelism() - 1));
        const started = renderer.warm(cards.map((c) => c.card));
        if (started) logger.info(`${plural(started, 'Open Graph card')} not in the cache: drawing started ahead of the pages`);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        output = prepareOutDir(outDir, cacheDir);
        if (output.kept) logger.info('previous build kept in place: unchanged pages are not copied again');
        // Astro keeps one prerenderer wrapper: the default one still finds and renders every path.
        setPrerenderer((prerenderer) => {
          const getStaticPaths = prerenderer.getStaticPaths.bind(prerenderer);
          const teardown = prerenderer.teardown?.bind(prerenderer);
          prerenderer.getStaticPaths = async () => {
            // From the first page on, the main thread renders and every worker draws.
            renderer?.limitThreads();
            return getStaticPaths();
          };
          prerenderer.teardown = async () => {
            await teardown?.();
            // Every page is written: cards and the search index go alongside the picture step.
            writeOutputs();
          };
          return prerenderer;
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        outDir = fileURLToPath(dir);
        writeOutputs();
        const written = await cardsWritten!;
        logger.info(`${plural(written, 'Open Graph card')} in og/`);
        const search = await indexed!;
        logger.info(
          `search index: ${plural(search.pages, 'post')} in ${plural(search.parts, 'part')} (one a year), ${search.made} made by this build`,
        );
        if (!session) return;
        // Host rule files that configure a host rather than being served go beside the output.
        const moved = await writeRedirects(
          publicPosts(),
          { url: site.url, base, lang: site.lang },
          outDir,
          process.env.BLOG_DEPLOY_DIR?.trim() || `${outDir.replace(/\/+$/, '')}-deploy`,
        );
        logger.info(
          `${plural(moved.redirects, 'old address', 'old addresses')} forwarded (${plural(moved.pages, 'redirect page')}, _redirects, S3 and nginx rules)`,
        );
        for (const warning of moved.warnings) logger.warn(warning);
        for (const r of moved.outside)
          logger.warn(
            `${r.from} is outside the site's folder ${base}: only the host's own rules (_redirects, S3, nginx) can forward it to ${r.to}`,
          );
        const produced = new Set([...cards.map((c) => c.path.replace(/^\/+/, '')), ...search.keptFiles]);
        for (const files of assets.values())
          for (const file of files) produced.add(relative(outDir, fileURLToPath(file)).split(sep).join('/'));
        const stale = await removeStale(outDir, output!.since, produced);
        if (stale)
          logger.info(
            `${plural(stale, 'file')} of the previous build removed: this build no longer produces ${stale === 1 ? 'it' : 'them'}`,
          );
        const published = checkPublished(session.report, session.now(), outDir, session.posts);
        logger.info(`all ${published} public posts are in the build; drafts, scheduled and held-back posts are not`);
        recordOutDir(outDir, cacheDir);
      },
    },
  };
}
