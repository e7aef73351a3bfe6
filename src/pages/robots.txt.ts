import type { APIRoute } from 'astro';
import { urls } from '../site-urls.ts';
import { robotsTxt } from '../lib/seo/robots.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt({ sitemapUrl: urls.absolute('sitemap-index.xml') }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
