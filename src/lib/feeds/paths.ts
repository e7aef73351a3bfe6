/** Where the feeds live, as paths under the base (give them to `urls.path`/`urls.absolute`). */
export const SITE_RSS = 'rss.xml';
export const SITE_JSON_FEED = 'feed.json';
/** A 144 px square icon for the RSS channel image (public/feed-icon.png). */
export const FEED_ICON = { path: 'feed-icon.png', width: 144, height: 144 } as const;

export function tagFeedPath(tag: string): string {
  return `tags/${tag}/rss.xml`;
}

export function authorFeedPath(id: string): string {
  return `authors/${id}/rss.xml`;
}

/** Titles feed readers show for the per-topic and per-author feeds (the route and the page's link agree). */
export function tagFeedTitle(siteTitle: string, tag: string): string {
  return `${siteTitle}: #${tag}`;
}

export function authorFeedTitle(siteTitle: string, authorName: string): string {
  return `${siteTitle}: ${authorName}`;
}
