import type { APIRoute } from 'astro';
import { apiModel, jsonResponse } from '../../../data/api.ts';
import { site } from '../../../site.config.ts';

export const GET: APIRoute = async () => jsonResponse((await apiModel()).model.postsPages(site.apiPageSize)[0]);
