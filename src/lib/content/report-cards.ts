/**
 * The Open Graph cards a build will ask for, known before Astro has read any
 * content: made from the content check's report (which `astro build` runs
 * first), with the same model, publishing rule and card as the card route
 * (src/pages/og/posts/[slug].png.ts). A build starts drawing them while
 * Astro syncs content and bundles, when one core would otherwise sit idle.
 * (It lives outside src/lib/og/, whose source is part of every card's cache key.)
 * Should a card here ever differ from the route's, the route's card is simply
 * a cache miss and is drawn then: never a wrong picture, only lost time.
 */
import type { ContentReport } from './check-content.ts';
import { toPostModel } from '../post-model.ts';
import { isPublic } from '../publishing.ts';
import { postCard, type CardSite, type OgCard } from '../og/card.ts';

export function publicPostCards(report: ContentReport, site: CardSite, now: Date): OgCard[] {
  const authorNames = new Map(report.authors.map((a) => [a.id, a.data.name]));
  const cards: OgCard[] = [];
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
    if (isPublic(post, now)) cards.push(postCard(post, authorNames.get(post.authorId) ?? post.authorId, site));
  }
  return cards;
}
