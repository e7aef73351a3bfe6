import type { APIRoute } from 'astro';
import { getPosts } from '../data/posts.ts';
import { rssResponse } from '../data/feeds.ts';
import { SITE_RSS } from '../lib/feeds/paths.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () =>
  rssResponse({ title: site.title, description: site.description, homePath: '', selfPath: SITE_RSS, posts: await getPosts() });
