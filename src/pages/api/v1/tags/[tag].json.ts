import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, jsonResponse } from '../../../../data/api.ts';

export const getStaticPaths = (async () =>
  (await apiModel()).model.tags().tags.map((t) => ({ params: { tag: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonResponse((await apiModel()).model.tag(params.tag!));
