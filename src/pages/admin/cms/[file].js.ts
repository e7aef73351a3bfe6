/**
 * The editor's script and the scripts it loads on demand, bundled from node_modules when the site is
 * built (src/lib/editor/bundle.ts). The route names its extension, so `astro dev` serves the files at
 * their own address too; Sveltia's other files are under assets/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { scriptFile, scriptPaths } from '../../../admin/server.ts';

export const getStaticPaths = (() => scriptPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => scriptFile(params.file!);
