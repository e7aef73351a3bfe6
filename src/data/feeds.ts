/**
 * The bridge from posts to feeds: takes each post's full HTML (Markdown and
 * MDX alike, from post-html.ts) and its picture, and hands plain data to
 * src/lib/feeds. Routes call `rssResponse` / `jsonFeedResponse` with
 * posts from getPosts() only, so the one publishing rule holds for feeds too.
 */
import rss from '@astrojs/rss';
import { buildNow, getAuthorMap, showsUnpublished, urls, type BlogPost } from './blog.ts';
import { heroJpeg } from './hero-jpeg.ts';
import { postBodyHtml } from './post-html.ts';
import { site } from '../site.config.ts';
import { buildFeedItem, lastChanged, newestPosts, type FeedImage, type FeedItem } from '../lib/feeds/items.ts';
import { rssOptions } from '../lib/feeds/rss.ts';
import { jsonFeed } from '../lib/feeds/json-feed.ts';
import { FEED_ICON, RSS_STYLESHEET } from '../lib/feeds/paths.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_TYPE, OG_IMAGE_WIDTH, ogImagePath } from '../lib/og/urls.ts';

/** A post without a hero image shows its Open Graph card (src/pages/og/posts/) in feed readers. */
function openGraphImage(post: BlogPost): FeedImage {
  return { url: urls.path(ogImagePath(post.slug)), type: OG_IMAGE_TYPE, width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT, alt: post.title };
}

async function postImage(post: BlogPost): Promise<FeedImage | undefined> {
  const hero = post.entry.data.image;
  if (!hero) return openGraphImage(post);
  // The page's own largest JPEG (1200 px at most): wide enough for any feed reader, small enough for a phone.
  const image = await heroJpeg(hero.src);
  return { url: image.src, type: 'image/jpeg', width: image.width || undefined, height: image.height || undefined, alt: hero.alt };
}

// A post is an item in several feeds (the site's, its tags', its author's): a build
// makes its item once. The dev server makes them anew, so edits show up.
const builtItems = new Map<string, FeedItem>();

async function feedItem(post: BlogPost, authors: Map<string, { name: string }>): Promise<FeedItem> {
  // Asked for every feed, even when the item is made already: these calls tell Astro's
  // incremental build what each feed shows (the entry it renders, the picture it uses).
  const [html, image] = await Promise.all([postBodyHtml(post), postImage(post)]);
  const built = showsUnpublished ? undefined : builtItems.get(post.slug);
  if (built) return built;
  const item = buildFeedItem(
    { post: { ...post, previousSlugs: post.entry.data.previousSlugs }, html, authorName: authors.get(post.authorId)?.name, image },
    urls,
  );
  if (!showsUnpublished) builtItems.set(post.slug, item);
  return item;
}

/** Feed items for the newest `site.feedItems` of `posts` (public posts from getPosts()). */
export async function feedItems(posts: readonly BlogPost[]): Promise<FeedItem[]> {
  const authors = await getAuthorMap();
  return Promise.all(newestPosts(posts, site.feedItems).map((post) => feedItem(post, authors)));
}

/**
 * When a feed of `posts` last changed, as the feed says: its newest item's
 * date or update, but never after this build's "now". Keyed feed routes add
 * it to their cache key, since "now" is not a prop.
 */
export function feedUpdated(posts: readonly BlogPost[]): Date {
  return lastChanged(newestPosts(posts, site.feedItems).map((p) => ({ published: p.date, updated: p.updated })), buildNow());
}

export interface FeedRequest {
  title: string;
  description: string;
  /** Path under the base of the page the feed follows, e.g. `tags/massage/`. */
  homePath: string;
  /** Path under the base of the feed itself, e.g. `tags/massage/rss.xml`. */
  selfPath: string;
  posts: readonly BlogPost[];
}

export async function rssResponse(request: FeedRequest): Promise<Response> {
  const items = await feedItems(request.posts);
  return rss(
    rssOptions(
      {
        title: request.title,
        description: request.description,
        homeUrl: urls.absolute(request.homePath),
        selfUrl: urls.absolute(request.selfPath),
        language: site.lang,
        updated: feedUpdated(request.posts),
        image: { url: urls.absolute(FEED_ICON.path), width: FEED_ICON.width, height: FEED_ICON.height },
        stylesheet: urls.path(RSS_STYLESHEET),
      },
      items,
    ),
  );
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
    await feedItems(request.posts),
  );
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
