import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../data/api.ts';
import { getPosts } from '../../../data/posts.ts';
import { apiRedirectMap } from '../../../lib/redirects/api-map.ts';
import { collectRedirects } from '../../../lib/redirects/redirects.ts';
import { site } from '../../../site.config.ts';
import { urls } from '../../../site-urls.ts';

// The same list the build turns into redirect pages and host rules (src/integrations/steps/redirects.ts).
export const GET: APIRoute = async () => jsonResponse(apiRedirectMap(collectRedirects(await getPosts(), { base: site.base }), { urls }));
