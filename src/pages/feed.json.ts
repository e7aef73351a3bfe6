import type { APIRoute } from 'astro';
import { getPosts } from '../data/posts.ts';
import { jsonFeedResponse } from '../data/feeds.ts';
import { SITE_JSON_FEED } from '../lib/feeds/paths.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () =>
  jsonFeedResponse({ title: site.title, description: site.description, homePath: '', selfPath: SITE_JSON_FEED, posts: await getPosts() });
