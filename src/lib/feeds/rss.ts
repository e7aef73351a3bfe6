/**
 * RSS 2.0 from feed items, as options for @astrojs/rss: it writes the required
 * elements; the extensions (dc:creator, media:content, atom:link, channel
 * image, language, lastBuildDate) go through its `customData`.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { FeedItem } from './items.ts';

export const RSS_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
} as const;

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
  /** Path of an XSL stylesheet that makes the feed readable in a browser. */
  stylesheet?: string | undefined;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function element(name: string, text: string, attributes: Record<string, string | number | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return `<${name}${attrs}>${text}</${name}>`;
}

export function rssChannelData(channel: FeedChannel): string {
  const parts = [
    element('language', escapeXml(channel.language)),
    element('lastBuildDate', channel.updated.toUTCString()),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (channel.image) {
    if (channel.image.width > RSS_IMAGE_MAX_WIDTH) {
      throw new Error(`The feed image is ${channel.image.width} px wide; RSS allows at most ${RSS_IMAGE_MAX_WIDTH}`);
    }
    parts.push(
      element(
        'image',
        [
          element('url', escapeXml(channel.image.url)),
          element('title', escapeXml(channel.title)),
          element('link', escapeXml(channel.homeUrl)),
          element('width', String(channel.image.width)),
          element('height', String(channel.image.height)),
        ].join(''),
      ),
    );
  }
  return parts.join('');
}

export function rssItemData(item: FeedItem): string {
  const parts: string[] = [];
  // @astrojs/rss makes the guid from the link; a renamed post keeps its first permalink instead.
  if (item.guid !== item.url) parts.push(element('guid', escapeXml(item.guid), { isPermaLink: 'true' }));
  if (item.author) parts.push(element('dc:creator', escapeXml(item.author.name)));
  if (item.image) {
    parts.push(
      element('media:content', element('media:description', escapeXml(item.image.alt), { type: 'plain' }), {
        url: item.image.url,
        medium: 'image',
        type: item.image.type,
        width: item.image.width,
        height: item.image.height,
      }),
    );
  }
  return parts.join('');
}

export function rssItem(item: FeedItem): RSSFeedItem {
  return {
    title: item.title,
    link: item.url,
    description: item.summary,
    content: item.contentHtml,
    pubDate: item.published,
    categories: item.tags,
    customData: rssItemData(item),
  };
}

export function rssOptions(channel: FeedChannel, items: readonly FeedItem[]): RSSOptions {
  return {
    title: channel.title,
    description: channel.description,
    // @astrojs/rss uses `site` as the channel's <link>.
    site: channel.homeUrl,
    items: items.map(rssItem),
    xmlns: { ...RSS_NAMESPACES },
    stylesheet: channel.stylesheet,
    customData: rssChannelData(channel),
    trailingSlash: true,
  };
}
