import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, jsonResponse } from '../../../../data/api.ts';
import { withCacheKeys } from '../../../../data/route-keys.ts';
import type { ApiTagResponse } from '../../../../schema/api.ts';

export const getStaticPaths = (async () => {
  const { model } = await apiModel();
  return withCacheKeys(model.tags().tags.map((t) => ({ params: { tag: t.slug }, props: { body: model.tag(t.slug) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: ApiTagResponse }> = ({ props }) => jsonResponse(props.body);
