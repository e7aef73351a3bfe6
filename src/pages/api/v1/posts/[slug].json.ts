import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPost, jsonResponse } from '../../../../data/api.ts';
import { getPosts } from '../../../../data/blog.ts';

export const getStaticPaths = (async () => (await getPosts()).map((post) => ({ params: { slug: post.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonResponse(await apiPost(params.slug!));
