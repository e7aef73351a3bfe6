/** The editor's script and the files it loads, bundled from node_modules when the site is built (src/lib/editor/bundle.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { editorBundle } from '../../../admin/server.ts';

export const getStaticPaths = (async () => [...(await editorBundle()).keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = (await editorBundle()).get(params.file ?? '');
  return body ? new Response(body) : new Response('Not found', { status: 404 });
};
