/**
 * The sitemap, by @astrojs/sitemap, decided by the built pages themselves: the
 * integration runs after the build, outside Astro's routes, so it cannot ask
 * getPosts(). Built pages exist only for public posts; a page that says
 * `noindex` or names another canonical address is left out, and a post's
 * `lastmod` is the dateModified its BlogPosting JSON-LD carries.
 */
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForPath } from '../lib/links/site-paths.ts';
import { belongsInSitemap, pageFacts, type PageFacts } from '../lib/seo/sitemap.ts';
import { mapLimited } from '../lib/concurrency.ts';

async function builtFiles(root: string): Promise<Set<string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')));
}

/**
 * The facts of every HTML page, read a few files at a time as soon as the file
 * list is known: @astrojs/sitemap asks for one page after another, and reading
 * each only when asked kept the build waiting on the disk once per page.
 */
function readAllFacts(root: string, files: ReadonlySet<string>): Map<string, Promise<PageFacts>> {
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const facts = mapLimited(pages, 16, async (page) => pageFacts(await readFile(join(root, page), 'utf8')));
  return new Map(pages.map((page, i) => [page, facts[i]!]));
}

export function blogSitemap(): AstroIntegration[] {
  let outDir = '';
  let base = '/';
  let files: Promise<Set<string>> | undefined;
  let facts: Promise<Map<string, Promise<PageFacts>>> | undefined;
  const settings: AstroIntegration = {
    name: 'sitemap-settings',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
        files = undefined;
        facts = undefined;
      },
    },
  };
  return [
    settings,
    sitemap({
      serialize: async (item) => {
        files ??= builtFiles(outDir);
        facts ??= files.then((all) => readAllFacts(outDir, all));
        const file = fileForPath(new URL(item.url).pathname, base, await files);
        if (!file?.endsWith('.html')) return undefined;
        const page = await (await facts).get(file)!;
        if (!belongsInSitemap(item.url, page)) return undefined;
        return page.modified ? { ...item, lastmod: page.modified } : item;
      },
    }),
  ];
}
