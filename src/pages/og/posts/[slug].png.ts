/**
 * A 1200×630 Open Graph card for every post getPosts() returns (so drafts and
 * scheduled posts get none in a production build), drawn at build time and
 * cached by content (src/lib/og/). The URL comes from postOgImageUrl().
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthorMap, getPosts } from '../../../data/blog.ts';
import { withCacheKeys } from '../../../data/route-keys.ts';
import { postCard, type OgCard } from '../../../lib/og/card.ts';
import { buildRenderer } from '../../../lib/og/render.ts';
import { OG_IMAGE_TYPE } from '../../../lib/og/urls.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const [posts, authors] = await Promise.all([getPosts(), getAuthorMap()]);
  const paths = posts.map((post) => ({
    params: { slug: post.slug },
    props: { card: postCard(post, authors.get(post.authorId)?.name ?? post.authorId, site) },
  }));
  // A build draws every card not cached yet on all cores, while Astro asks for them one by one below.
  if (!import.meta.env.DEV) buildRenderer().warm(paths.map((p) => p.props.card));
  return withCacheKeys(paths);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const { png } = await buildRenderer().render(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': OG_IMAGE_TYPE } });
};
