/**
 * RSS 2.0 from feed items, written by feedsmith with the extensions the feed
 * uses (content:encoded for the full post, dc:creator, media:content for the
 * picture, atom:link to itself, a channel image). Every string goes through
 * xmlSafe first: a character XML forbids, pasted into a post, must not make
 * the whole feed unreadable.
 */
import { generateRssFeed, type RssFeed } from 'feedsmith';
import { xmlSafeDeep } from '../html.ts';
import type { FeedItem } from './items.ts';

/** RSS limits the channel image to 144 pixels wide. */
export const RSS_IMAGE_MAX_WIDTH = 144;

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page this feed follows (home, a tag, an author). */
  homeUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** A language tag such as en-US. */
  language: string;
  /** When the feed last changed (see `lastChanged`). */
  updated: Date;
  /** Absolute URL of a square icon at most 144 px wide, and its size. */
  image?: { url: string; width: number; height: number } | undefined;
}

function rssItem(item: FeedItem): RssFeed.Item<Date> {
  return {
    title: item.title,
    link: item.url,
    // A renamed post keeps its first permalink as its id (see guid.ts).
    guid: { value: item.guid, isPermaLink: true },
    description: item.summary,
    pubDate: item.published,
    content: { encoded: item.contentHtml },
    ...(item.author ? { dc: { creators: [item.author.name] } } : {}),
    ...(item.image
      ? {
          media: {
            contents: [
              {
                url: item.image.url,
                medium: 'image',
                type: item.image.type,
                ...(item.image.width ? { width: item.image.width } : {}),
                ...(item.image.height ? { height: item.image.height } : {}),
                description: { value: item.image.alt, type: 'plain' },
              },
            ],
          },
        }
      : {}),
    categories: item.tags.map((name) => ({ name })),
  };
}

export function rssFeedXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  if (channel.image && channel.image.width > RSS_IMAGE_MAX_WIDTH) {
    throw new Error(`The feed image is ${channel.image.width} px wide; RSS allows at most ${RSS_IMAGE_MAX_WIDTH}`);
  }
  const feed: RssFeed.Feed<Date> = {
    title: channel.title,
    link: channel.homeUrl,
    description: channel.description,
    language: channel.language,
    lastBuildDate: channel.updated,
    atom: { links: [{ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }] },
    ...(channel.image
      ? {
          image: {
            url: channel.image.url,
            title: channel.title,
            link: channel.homeUrl,
            width: channel.image.width,
            height: channel.image.height,
          },
        }
      : {}),
    items: items.map(rssItem),
  };
  return generateRssFeed(xmlSafeDeep(feed));
}
