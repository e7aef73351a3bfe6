import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, apiPost, jsonResponse, type ApiPostSource } from '../../../../data/api.ts';
import { withCacheKeys } from '../../../../data/route-keys.ts';

// The key also holds the post's summary: it lists the post's tags with their counts, which other posts change.
export const getStaticPaths = (async () => {
  const { model, posts } = await apiModel();
  return withCacheKeys(
    posts.map((source) => ({ params: { slug: source.post.slug }, props: source })),
    ({ props }) => model.summary(props.input),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<ApiPostSource> = async ({ props }) => jsonResponse(await apiPost(props));
