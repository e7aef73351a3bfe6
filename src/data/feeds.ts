/**
 * The bridge from posts to feeds: each post's full HTML (Markdown and MDX
 * alike, from post-html.ts) and its picture go to the pure feed builders in
 * src/lib/feeds. Routes pass posts (or their summaries) from getPosts(), so
 * the one publishing rule holds for feeds too.
 */
import { buildNow, getAuthorMap, showsUnpublished, type SitePost } from './posts.ts';
import { heroJpeg } from './hero-jpeg.ts';
import { postBodyHtml } from './post-html.ts';
import { site } from '../site.config.ts';
import { urls } from '../site-urls.ts';
import { buildFeedItem, lastChanged, newestPosts, type FeedImage, type FeedItem } from '../lib/feeds/items.ts';
import { rssFeedXml } from '../lib/feeds/rss.ts';
import { jsonFeed } from '../lib/feeds/json-feed.ts';
import { FEED_ICON } from '../lib/feeds/paths.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_TYPE, OG_IMAGE_WIDTH } from '../lib/og/size.ts';

/** A post without a hero picture shows its Open Graph card in feed readers. */
function openGraphImage(post: SitePost): FeedImage {
  return {
    url: urls.path(urls.ogImagePath(post.slug)),
    type: OG_IMAGE_TYPE,
    width: OG_IMAGE_WIDTH,
    height: OG_IMAGE_HEIGHT,
    alt: post.title,
  };
}

async function postImage(post: SitePost): Promise<FeedImage> {
  if (!post.hero) return openGraphImage(post);
  // The page's own largest JPEG (1200 px at most): wide enough for any feed reader, small enough for a phone.
  const image = await heroJpeg(post.hero.src);
  return { url: image.src, type: 'image/jpeg', width: image.width || undefined, height: image.height || undefined, alt: post.hero.alt };
}

// A post is an item in several feeds (the site's, its tags', its author's): a build
// makes its item once. The dev server makes them anew, so edits show up.
const builtItems = new Map<string, FeedItem>();

async function feedItem(post: SitePost, authors: Map<string, { name: string }>): Promise<FeedItem> {
  // Asked for every feed, even when the item is made already: these calls tell Astro's
  // incremental build what each feed shows (the entry it renders, the picture it uses).
  const [html, image] = await Promise.all([postBodyHtml(post), postImage(post)]);
  const built = showsUnpublished ? undefined : builtItems.get(post.slug);
  if (built) return built;
  const item = buildFeedItem({ post, html, authorName: authors.get(post.authorId)?.name, image }, urls);
  if (!showsUnpublished) builtItems.set(post.slug, item);
  return item;
}

/**
 * The posts a feed carries: the newest `site.feedItems` of `posts`. Keyed feed
 * routes pass these as props, so their cache key holds every post they show, whole.
 */
export function feedPosts(posts: readonly SitePost[]): SitePost[] {
  return newestPosts(posts, site.feedItems);
}

/**
 * When a feed of `posts` last changed, as the feed says: its newest item's
 * date or update, but never after this build's "now". Keyed feed routes add
 * it to their cache key, since "now" is not a prop.
 */
export function feedUpdated(posts: readonly SitePost[]): Date {
  return lastChanged(
    newestPosts(posts, site.feedItems).map((p) => ({ published: p.date, updated: p.updated })),
    buildNow(),
  );
}

export interface FeedRequest {
  title: string;
  description: string;
  /** Path under the base of the page the feed follows, e.g. `tags/massage/`. */
  homePath: string;
  /** Path under the base of the feed itself, e.g. `tags/massage/rss.xml`. */
  selfPath: string;
  /** The posts the feed is about (the newest go in). */
  posts: readonly SitePost[];
}

async function items(request: FeedRequest): Promise<FeedItem[]> {
  const authors = await getAuthorMap();
  return Promise.all(feedPosts(request.posts).map((post) => feedItem(post, authors)));
}

export async function rssResponse(request: FeedRequest): Promise<Response> {
  const xml = rssFeedXml(
    {
      title: request.title,
      description: request.description,
      homeUrl: urls.absolute(request.homePath),
      selfUrl: urls.absolute(request.selfPath),
      language: site.lang,
      updated: feedUpdated(request.posts),
      image: { url: urls.absolute(FEED_ICON.path), width: FEED_ICON.width, height: FEED_ICON.height },
    },
    await items(request),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

export async function jsonFeedResponse(request: FeedRequest): Promise<Response> {
  const feed = jsonFeed(
    {
      title: request.title,
      description: request.description,
      homeUrl: urls.absolute(request.homePath),
      selfUrl: urls.absolute(request.selfPath),
      language: site.lang,
      icon: urls.absolute('apple-touch-icon.png'),
      favicon: urls.absolute(FEED_ICON.path),
      publisher: { name: site.title, url: urls.absolute() },
    },
    await items(request),
  );
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
