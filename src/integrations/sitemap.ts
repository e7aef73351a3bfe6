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
import { belongsInSitemap, pageFacts } from '../lib/seo/sitemap.ts';

async function builtFiles(root: string): Promise<Set<string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')));
}

export function blogSitemap(): AstroIntegration[] {
  let outDir = '';
  let base = '/';
  let files: Promise<Set<string>> | undefined;
  const settings: AstroIntegration = {
    name: 'sitemap-settings',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
        files = undefined;
      },
    },
  };
  return [
    settings,
    sitemap({
      serialize: async (item) => {
        files ??= builtFiles(outDir);
        const file = fileForPath(new URL(item.url).pathname, base, await files);
        if (!file?.endsWith('.html')) return undefined;
        const facts = pageFacts(await readFile(join(outDir, file), 'utf8'));
        if (!belongsInSitemap(item.url, facts)) return undefined;
        return facts.modified ? { ...item, lastmod: facts.modified } : item;
      },
    }),
  ];
}
