import type { APIRoute } from 'astro';
import { apiModel, jsonResponse } from '../../../data/api.ts';

export const GET: APIRoute = async () => jsonResponse((await apiModel()).model.authors());
