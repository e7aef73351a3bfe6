/**
 * The sitemap, by @astrojs/sitemap, decided by the built pages themselves: the
 * integration runs after the build, outside Astro's routes, so it cannot ask
 * getPosts(). Built pages exist only for public posts; a page that says
 * `noindex` or names another canonical address is left out, and a post's
 * `lastmod` is the dateModified its BlogPosting JSON-LD carries.
 */
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { belongsInSitemap, builtFileFor, pageFacts } from '../lib/seo/sitemap.ts';

export function blogSitemap(): AstroIntegration[] {
  let outDir = '';
  let base = '/';
  const settings: AstroIntegration = {
    name: 'sitemap-settings',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
    },
  };
  return [
    settings,
    sitemap({
      serialize: async (item) => {
        const file = builtFileFor(item.url, base);
        if (!file) return undefined;
        let html: string;
        try {
          html = await readFile(join(outDir, file), 'utf8');
        } catch {
          return undefined;
        }
        const facts = pageFacts(html);
        if (!belongsInSitemap(item.url, facts)) return undefined;
        return facts.modified ? { ...item, lastmod: facts.modified } : item;
      },
    }),
  ];
}
