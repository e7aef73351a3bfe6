/**
 * Following the journal: the HTML pages that explain a feed and give its
 * address (every visible "Follow" link leads to one, never to the XML itself),
 * and one-click links that open a feed in common feed readers.
 */

/** The page about the whole journal's feed (and the e-mail sign-up). */
export const SUBSCRIBE_PATH = 'subscribe/';

export function tagSubscribePath(tag: string): string {
  return `subscribe/tags/${tag}/`;
}

export function authorSubscribePath(id: string): string {
  return `subscribe/authors/${id}/`;
}

/** Pages for one topic's or one writer's feed: useful to readers, not something to list in search engines. */
export const SUBSCRIBE_DETAIL_PREFIXES = ['subscribe/tags/', 'subscribe/authors/'] as const;

export interface ReaderLink {
  name: string;
  href: string;
}

/**
 * Links that add `feedUrl` (absolute) in a reader: web readers by their
 * add-a-feed addresses, and the feed:// scheme, which opens the reader app a
 * device has (NetNewsWire, Reeder and others register it). (The form
 * feed:https://… is not a valid address in HTML, so feed:// it is; the apps
 * fetch the feed from the site as usual, which sends them to https.)
 */
export function readerLinks(feedUrl: string): ReaderLink[] {
  const url = encodeURIComponent(feedUrl);
  return [
    { name: 'Feedly', href: `https://feedly.com/i/subscription/feed/${url}` },
    { name: 'Inoreader', href: `https://www.inoreader.com/?add_feed=${url}` },
    { name: 'NewsBlur', href: `https://www.newsblur.com/?url=${url}` },
    { name: 'The Old Reader', href: `https://theoldreader.com/feeds/subscribe?url=${url}` },
    { name: 'A feed app on this device', href: feedUrl.replace(/^https?:/, 'feed:') },
  ];
}
