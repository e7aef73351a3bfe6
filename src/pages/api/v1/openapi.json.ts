import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../data/api.ts';
import { urls } from '../../../site-urls.ts';
import { openApiDocument } from '../../../lib/api/json-schema.ts';
import { API_ROOT } from '../../../lib/api/paths.ts';
import { site } from '../../../site.config.ts';

export const GET: APIRoute = () =>
  jsonResponse(
    openApiDocument({
      title: `${site.title} content API`,
      description: `Read-only JSON of the public posts, authors and tags of ${urls.absolute()}. Static files: no keys, no rate limits.`,
      serverUrl: urls.absolute(API_ROOT),
    }),
  );
