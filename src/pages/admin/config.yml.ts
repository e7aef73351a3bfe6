/** The editor's configuration, generated from the zod schemas (src/admin/server.ts). */
import type { APIRoute } from 'astro';
import { configYaml } from '../../admin/server.ts';

export const GET: APIRoute = async () => new Response(await configYaml(), { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
