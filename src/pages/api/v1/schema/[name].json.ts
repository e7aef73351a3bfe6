import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse } from '../../../../data/api.ts';
import { urls } from '../../../../site-urls.ts';
import { apiJsonSchemas } from '../../../../lib/api/json-schema.ts';
import { apiPaths } from '../../../../lib/api/paths.ts';
import { withCacheKeys } from '../../../../data/route-keys.ts';

export const getStaticPaths = (() =>
  withCacheKeys(
    Object.entries(apiJsonSchemas((id) => urls.absolute(apiPaths.schema(id)))).map(([name, schema]) => ({
      params: { name },
      props: { schema },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.schema);
