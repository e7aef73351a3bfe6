import type { APIRoute } from 'astro';
import { rssStylesheet } from '../lib/feeds/stylesheet.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(rssStylesheet({ lang: site.lang, palette: site.palette }), { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
