import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthorsWithPosts, type Author, type SitePost } from '../../../data/posts.ts';
import { feedPosts, feedUpdated, rssResponse } from '../../../data/feeds.ts';
import { withCacheKeys } from '../../../data/route-keys.ts';
import { authorFeedPath, authorFeedTitle } from '../../../lib/feeds/paths.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  withCacheKeys(
    (await getAuthorsWithPosts()).map(({ author, posts }) => ({ params: { id: author.id }, props: { author, posts: feedPosts(posts) } })),
    (path) => feedUpdated(path.props.posts),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: Author; posts: SitePost[] }, { id: string }> = ({ props }) =>
  rssResponse({
    title: authorFeedTitle(site.title, props.author.name),
    description: `Posts by ${props.author.name} from the ${site.title} journal.`,
    homePath: `authors/${props.author.id}/`,
    selfPath: authorFeedPath(props.author.id),
    posts: props.posts,
  });
