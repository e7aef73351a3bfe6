/**
 * A 1200×630 Open Graph card for every post getPosts() returns, drawn on
 * request by the dev server (so drafts and scheduled posts have one there,
 * as they have a page). A build makes no files here: it draws the cards
 * from the start of the build and writes them itself
 * (src/integrations/og-cards.ts). The URL comes from postOgImageUrl().
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthorMap, getPosts, showsUnpublished } from '../../../data/blog.ts';
import { postCard, type OgCard } from '../../../lib/og/card.ts';
import { buildRenderer } from '../../../lib/og/render.ts';
import { OG_IMAGE_TYPE } from '../../../lib/og/urls.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  // showsUnpublished is true exactly under `astro dev` (src/integrations/preview-mode.ts).
  if (!showsUnpublished) return [];
  const [posts, authors] = await Promise.all([getPosts(), getAuthorMap()]);
  return posts.map((post) => ({
    params: { slug: post.slug },
    props: { card: postCard(post, authors.get(post.authorId)?.name ?? post.authorId, site) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const { png } = await buildRenderer().render(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': OG_IMAGE_TYPE } });
};
