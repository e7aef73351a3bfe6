import type { APIRoute, GetStaticPaths } from 'astro';
import { apiModel, jsonResponse } from '../../../../data/api.ts';

export const getStaticPaths = (async () =>
  (await apiModel()).model.authors().authors.map((a) => ({ params: { id: a.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonResponse((await apiModel()).model.author(params.id!));
