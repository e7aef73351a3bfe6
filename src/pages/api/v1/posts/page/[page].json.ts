import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, jsonResponse } from '../../../../../data/api.ts';
import type { ApiPostsPage } from '../../../../../schema/api.ts';
import { withCacheKeys } from '../../../../../data/route-keys.ts';
import { site } from '../../../../../site.config.ts';

// Page 1 is also here, so a client can count from 1 without a special case.
export const getStaticPaths = (async () =>
  withCacheKeys(
    (await apiModel()).model
      .postsPages(site.apiPageSize)
      .map((page) => ({ params: { page: String(page.meta.pagination.page) }, props: { page } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: ApiPostsPage }> = ({ props }) => jsonResponse(props.page);
