/**
 * The Open Graph cards of a build: one per public post (the one publishing
 * rule, at the build's "now") plus the site's own card, written into
 * dist/og/. Drawing starts as soon as the content is read, so it goes on while
 * Astro bundles, renders pages and optimises pictures; the files are written
 * once every page is, and the build waits for the last one at the end.
 *
 * A card found in the cache is hard-linked into dist/ where the file system
 * allows (a rebuild then writes no card bytes), otherwise copied.
 */
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { postCard, siteCard, type CardSite, type OgCard } from '../../lib/og/card.ts';
import type { OgRenderer } from '../../lib/og/render.ts';
import type { Post } from '../../lib/post-model.ts';
import { isPublic } from '../../lib/publishing.ts';
import type { Urls } from '../../lib/urls.ts';

export interface CardFile {
  /** Path under the site's base, as urls.ogImage() names it. */
  path: string;
  card: OgCard;
}

/** Every card a build writes: the site's, and one for each public post. */
export function buildCards(
  posts: readonly Post[],
  authorNames: ReadonlyMap<string, string>,
  now: Date,
  site: CardSite,
  urls: Urls,
): CardFile[] {
  const cards: CardFile[] = [{ path: urls.siteOgImagePath(), card: siteCard(site) }];
  for (const post of posts) {
    if (isPublic(post, now))
      cards.push({ path: urls.ogImagePath(post.slug), card: postCard(post, authorNames.get(post.authorId) ?? post.authorId, site) });
  }
  return cards;
}

/** Links `target` at `file`; false where links cannot be made (another disk, or not allowed). */
async function linked(target: string, file: string): Promise<boolean> {
  try {
    await link(target, file);
    return true;
  } catch {
    return false;
  }
}

/** Writes each card into `outDir` as it is ready; resolves with how many were written. */
export async function writeCards(renderer: OgRenderer, cards: readonly CardFile[], outDir: string): Promise<number> {
  const dirs = new Set(cards.map((c) => dirname(join(outDir, c.path))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(
    cards.map(async ({ path, card }) => {
      const file = join(outDir, path);
      // The previous build's file may be there (dist/ is kept): a link replaces it, never writes into it,
      // since it may be another card's cache file.
      await rm(file, { force: true });
      // Cached files are only ever replaced by rename, never written into, so a link keeps its bytes.
      const cached = renderer.cachedFile(card);
      if (cached && (await linked(cached, file))) return;
      const { png, key } = await renderer.render(card);
      const drawn = renderer.cache?.path(key);
      if (drawn && (await linked(drawn, file))) return;
      await writeFile(file, png);
    }),
  );
  return cards.length;
}
