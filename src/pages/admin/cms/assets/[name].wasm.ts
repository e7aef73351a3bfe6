/** Sveltia's packaged .wasm files, which its script loads by address (see ../[file].js.ts and ASSET_EXTENSIONS in src/admin/server.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { assetFile, assetPaths } from '../../../../admin/server.ts';

export const getStaticPaths = (() => assetPaths('wasm')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => assetFile(params.name!, 'wasm');
