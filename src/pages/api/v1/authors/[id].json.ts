import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, jsonResponse } from '../../../../data/api.ts';
import { withCacheKeys } from '../../../../data/route-keys.ts';
import type { ApiAuthorResponse } from '../../../../schema/api.ts';

export const getStaticPaths = (async () => {
  const { model } = await apiModel();
  return withCacheKeys(model.authors().authors.map((a) => ({ params: { id: a.id }, props: { body: model.author(a.id) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: ApiAuthorResponse }> = ({ props }) => jsonResponse(props.body);
