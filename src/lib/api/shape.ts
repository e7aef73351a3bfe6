/**
 * The JSON API's responses, from plain post and author data. Pure: the caller
 * (src/data/api.ts) hands in the public posts from getPosts(), newest first,
 * with their rendered body and image paths, so every list and count here
 * follows the one publishing rule.
 */
import type { Citation } from '../../schema/citation.ts';
import type {
  ApiAuthor,
  ApiAuthorResponse,
  ApiAuthorsResponse,
  ApiCitation,
  ApiImage,
  ApiPost,
  ApiPostResponse,
  ApiPostSummary,
  ApiPostsPage,
  ApiSearchIndex,
  ApiTag,
  ApiTagResponse,
  ApiTagsResponse,
} from '../../schema/api.ts';
import { formatCitation, formatCitationHtml } from '../citations.ts';
import { absolutizeParsed } from '../feeds/absolute-urls.ts';
import { sanitizeForSyndication } from '../sanitize.ts';
import { originalSlug } from '../feeds/guid.ts';
import { fragmentToPlainText } from '../html-text.ts';
import { paginate } from '../pagination.ts';
import { tagCounts, type Post } from '../post-model.ts';
import type { Urls } from '../urls.ts';
import { apiPaths } from './paths.ts';

/** What the API needs to know about a public post: the post model plus its pictures. */
export interface ApiPostInput extends Pick<
  Post,
  'slug' | 'title' | 'description' | 'authorId' | 'date' | 'updated' | 'tags' | 'citations' | 'canonical' | 'readingMinutes'
> {
  /** Earlier slugs, oldest first: the first one is the post's permanent id. */
  previousSlugs?: readonly string[] | undefined;
  /** The processed hero picture: a path the site serves (or an absolute URL). */
  featureImage?: { src: string; alt: string; width: number; height: number } | undefined;
  /** The post's share picture: a path the site serves (or an absolute URL). */
  ogImage: string;
}

export interface ApiAuthorInput {
  id: string;
  name: string;
  role: string;
  bio: string;
  links: { label: string; url: string }[];
  /** A path the site serves (or an absolute URL). */
  avatar?: string | undefined;
}

export interface ApiSource {
  /** Public posts, newest first. */
  posts: readonly ApiPostInput[];
  /** Every author, in the order lists show them. */
  authors: readonly ApiAuthorInput[];
  urls: Urls;
}

export interface ApiModel {
  /** Every page of the post list; there is always at least one (possibly empty). */
  postsPages(limit: number): ApiPostsPage[];
  /** How lists show a post: everything of it but the body (its author and tags included). */
  summary(post: ApiPostInput): ApiPostSummary;
  /** One post in full; `bodyHtml` is its body as the site renders it (relative URLs allowed). */
  post(post: ApiPostInput, bodyHtml: string): ApiPostResponse;
  authors(): ApiAuthorsResponse;
  author(id: string): ApiAuthorResponse;
  tags(): ApiTagsResponse;
  tag(slug: string): ApiTagResponse;
  search(): ApiSearchIndex;
}

export function citationForApi(c: Citation): ApiCitation {
  return { ...c, formatted: formatCitation(c), formatted_html: formatCitationHtml(c) };
}

export function createApiModel({ posts, authors, urls }: ApiSource): ApiModel {
  const absolute = (path: string) => urls.fromRoot(path);

  const tagList: ApiTag[] = tagCounts(posts).map(({ tag, count }) => ({
    slug: tag,
    url: absolute(urls.tag(tag)),
    api_url: urls.absolute(apiPaths.tag(tag)),
    count,
  }));
  const tagBySlug = new Map(tagList.map((t) => [t.slug, t]));

  const postsBy = new Map<string, ApiPostInput[]>();
  for (const p of posts) postsBy.set(p.authorId, [...(postsBy.get(p.authorId) ?? []), p]);
  const authorList: ApiAuthor[] = authors.map((a) => ({
    id: a.id,
    name: a.name,
    role: a.role,
    bio: a.bio,
    avatar: a.avatar ? absolute(a.avatar) : null,
    links: a.links.map((l) => ({ ...l })),
    url: absolute(urls.author(a.id)),
    api_url: urls.absolute(apiPaths.author(a.id)),
    count: postsBy.get(a.id)?.length ?? 0,
  }));
  const authorById = new Map(authorList.map((a) => [a.id, a]));

  const authorOf = (p: ApiPostInput): ApiAuthor => {
    const found = authorById.get(p.authorId);
    // The content check rejects unknown authors before a build; this guards the pure code's contract.
    if (!found) throw new Error(`Post "${p.slug}" names author "${p.authorId}", who is not in the author list`);
    return found;
  };

  const image = (p: ApiPostInput): ApiImage | null =>
    p.featureImage
      ? { url: absolute(p.featureImage.src), alt: p.featureImage.alt, width: p.featureImage.width, height: p.featureImage.height }
      : null;

  const summary = (p: ApiPostInput): ApiPostSummary => ({
    id: originalSlug(p),
    slug: p.slug,
    title: p.title,
    url: absolute(urls.post(p.slug)),
    api_url: urls.absolute(apiPaths.post(p.slug)),
    excerpt: p.description,
    reading_time: p.readingMinutes,
    published_at: p.date.toISOString(),
    updated_at: (p.updated ?? p.date).toISOString(),
    author: authorOf(p),
    tags: p.tags.map((t) => tagBySlug.get(t)!),
    feature_image: image(p),
    og_image: absolute(p.ogImage),
  });

  return {
    summary,

    postsPages(limit) {
      return paginate(posts, limit).map((page) => ({
        posts: page.items.map(summary),
        meta: {
          pagination: {
            page: page.page,
            limit,
            pages: page.pages,
            total: page.total,
            next: page.page < page.pages ? urls.absolute(apiPaths.postsPage(page.page + 1)) : null,
            prev: page.page > 1 ? urls.absolute(apiPaths.postsPage(page.page - 1)) : null,
          },
        },
      }));
    },

    post(p, bodyHtml) {
      const base = summary(p);
      // One parse for both: absolutising changes attribute values only, never the text.
      const { html, fragment } = absolutizeParsed(sanitizeForSyndication(bodyHtml), base.url);
      const full: ApiPost = {
        ...base,
        canonical_url: p.canonical ?? base.url,
        html,
        plaintext: fragmentToPlainText(fragment),
        citations: p.citations.map(citationForApi),
      };
      return { post: full };
    },

    authors: () => ({ authors: authorList }),

    author(id) {
      const author = authorById.get(id);
      if (!author) throw new Error(`No author "${id}"`);
      return { author, posts: (postsBy.get(id) ?? []).map(summary) };
    },

    tags: () => ({ tags: tagList }),

    tag(slug) {
      const tag = tagBySlug.get(slug);
      if (!tag) throw new Error(`No public post has the tag "${slug}"`);
      return { tag, posts: posts.filter((p) => p.tags.includes(slug)).map(summary) };
    },

    search: () => ({
      posts: posts.map((p) => ({
        slug: p.slug,
        title: p.title,
        excerpt: p.description,
        tags: [...p.tags],
        date: p.date.toISOString(),
        url: absolute(urls.post(p.slug)),
      })),
    }),
  };
}
