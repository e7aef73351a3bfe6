/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the same feed items as
 * the RSS feed, written by feedsmith, so both carry the same posts with the same ids.
 */
import { generateJsonFeed, type JsonFeed } from 'feedsmith';
import type { FeedItem } from './items.ts';

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedChannel {
  title: string;
  description: string;
  homeUrl: string;
  selfUrl: string;
  language: string;
  /** Absolute URLs: a large square icon and a small one. */
  icon?: string | undefined;
  favicon?: string | undefined;
  /** Who publishes the feed as a whole (the studio). */
  publisher?: JsonFeedAuthor | undefined;
}

function jsonFeedItem(item: FeedItem): JsonFeed.Item<Date> {
  return {
    id: item.guid,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: item.published,
    date_modified: item.updated ?? item.published,
    ...(item.author ? { authors: [{ name: item.author.name, url: item.author.url }] } : {}),
    tags: [...item.tags],
  };
}

/** The feed as a JSON value (give it to JSON.stringify). */
export function jsonFeed(channel: JsonFeedChannel, items: readonly FeedItem[]): unknown {
  const feed = generateJsonFeed({
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    ...(channel.icon ? { icon: channel.icon } : {}),
    ...(channel.favicon ? { favicon: channel.favicon } : {}),
    ...(channel.publisher ? { authors: [channel.publisher] } : {}),
    items: items.map(jsonFeedItem),
  }) as Record<string, unknown>;
  // JSON Feed requires `items`, even empty; the writer leaves an empty list out.
  return { ...feed, items: feed.items ?? [] };
}
