/** The editor's API route (dev server only; see src/integrations/editor.ts). */
import type { APIRoute } from 'astro';
import config from './keystatic.config.ts';
import { isLoopback, NOT_LOOPBACK_MESSAGE } from './loopback.ts';
import { editorApi } from './save.ts';
import { contentDirFrom } from '../lib/content/content-dir.ts';
import { site } from '../site.config.ts';

export const prerender = false;

const handle = editorApi({ config, contentDir: contentDirFrom(process.env), timeZone: site.timezone });

export const ALL: APIRoute = ({ request, clientAddress }) =>
  isLoopback(clientAddress) ? handle(request) : new Response(NOT_LOOPBACK_MESSAGE, { status: 403 });
