/** The editor's page, /admin/ (see src/lib/editor/admin-page.ts). An endpoint, so it carries its own CSP, not the site's. */
import type { APIRoute } from 'astro';
import { adminPageHtml } from '../../lib/editor/admin-page.ts';
import { BUNDLE_ENTRY, BUNDLE_FOLDER } from '../../lib/editor/bundle.ts';
import { site } from '../../site.config.ts';

export const GET: APIRoute = () =>
  new Response(adminPageHtml({ title: `${site.title} editor`, lang: site.lang, script: `${BUNDLE_FOLDER}/${BUNDLE_ENTRY}` }), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
