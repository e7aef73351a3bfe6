import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts, type SitePost } from '../../../data/posts.ts';
import { feedPosts, feedUpdated, rssResponse } from '../../../data/feeds.ts';
import { withCacheKeys } from '../../../data/route-keys.ts';
import { tagFeedPath, tagFeedTitle } from '../../../lib/feeds/paths.ts';
import { postsWithTag, tagCounts } from '../../../lib/post-model.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const posts = await getPosts();
  return withCacheKeys(
    tagCounts(posts).map(({ tag }) => ({ params: { tag }, props: { posts: feedPosts(postsWithTag(posts, tag)) } })),
    (path) => feedUpdated(path.props.posts),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ posts: SitePost[] }, { tag: string }> = ({ params, props }) =>
  rssResponse({
    title: tagFeedTitle(site.title, params.tag),
    description: `Posts about ${params.tag.replaceAll('-', ' ')} from the ${site.title} journal.`,
    homePath: `tags/${params.tag}/`,
    selfPath: tagFeedPath(params.tag),
    posts: props.posts,
  });
