/**
 * The Open Graph cards of a build, known before Astro has read any content:
 * made from the content check's report (which `astro build` runs first), with
 * the one publishing rule (isPublic), the post model and the card the dev
 * server's card route uses (src/pages/og/posts/[slug].png.ts). A build draws
 * them from the start and writes them into dist/og/posts/
 * (src/integrations/og-cards.ts). (This module lives outside src/lib/og/,
 * whose source is part of every card's cache key.)
 */
import type { ContentReport } from './check-content.ts';
import { toPostModel } from '../post-model.ts';
import { isPublic } from '../publishing.ts';
import { postCard, type CardSite, type OgCard } from '../og/card.ts';

export interface PostCardEntry {
  slug: string;
  card: OgCard;
}

export function publicPostCards(report: ContentReport, site: CardSite, now: Date): PostCardEntry[] {
  const authorNames = new Map(report.authors.map((a) => [a.id, a.data.name]));
  const cards: PostCardEntry[] = [];
  for (const { slug, data, source } of report.posts) {
    if (!data) continue;
    const post = toPostModel(
      {
        slug,
        title: data.title,
        description: data.description,
        authorId: data.author,
        date: data.date,
        updated: data.updated,
        tags: data.tags,
        draft: data.draft,
        readTime: data.readTime,
        body: source.body,
      },
      now,
    );
    if (isPublic(post, now)) cards.push({ slug, card: postCard(post, authorNames.get(post.authorId) ?? post.authorId, site) });
  }
  return cards;
}
