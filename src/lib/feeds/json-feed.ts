/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the same feed items as
 * the RSS feed, so both carry the same posts with the same ids.
 */
import type { FeedItem } from './items.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags: string[];
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  icon?: string;
  favicon?: string;
  authors?: JsonFeedAuthor[];
  items: JsonFeedItem[];
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

export function jsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.guid,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: item.published.toISOString(),
    date_modified: (item.updated ?? item.published).toISOString(),
    ...(item.author ? { authors: [{ name: item.author.name, url: item.author.url }] } : {}),
    tags: [...item.tags],
  };
}

export function jsonFeed(channel: JsonFeedChannel, items: readonly FeedItem[]): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    ...(channel.icon ? { icon: channel.icon } : {}),
    ...(channel.favicon ? { favicon: channel.favicon } : {}),
    ...(channel.publisher ? { authors: [channel.publisher] } : {}),
    items: items.map(jsonFeedItem),
  };
}
