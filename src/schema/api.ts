/**
 * The JSON API's response shapes, built from the content schemas (post, author,
 * citation) so a field's rules and description are written once. The published
 * JSON Schema files and the OpenAPI document are generated from these with
 * `z.toJSONSchema` (src/lib/api/json-schema.ts); unit tests parse the shaped
 * output with them too.
 */
import { z } from 'zod';
import { authorSchema } from './author.ts';
import { citationSchema } from './citation.ts';
import { postSchema, TAGS_MAX, TAGS_MIN } from './post.ts';

const post = postSchema.shape;
const author = authorSchema.shape;

/** Every named response part. Its id is the schema's file name under api/v1/schema/ and its OpenAPI component name. */
export const apiSchemas = z.registry<{ id: string }>();

const absoluteUrl = () => z.url({ protocol: /^https?$/ });
const instant = () => z.iso.datetime({ offset: true });
const slug = post.slug.unwrap();

export const apiTagSchema = z
  .strictObject({
    slug: post.tags.element.meta({
      description: 'The tag as written in posts: lowercase words joined by hyphens.',
      examples: ['thai-massage'],
    }),
    url: absoluteUrl().meta({ description: "The tag's page on the site." }),
    api_url: absoluteUrl().meta({ description: 'This tag with its posts, in this API.' }),
    count: z.int().min(1).meta({ description: 'How many public posts carry the tag.' }),
  })
  .meta({ description: 'A topic, with how many public posts carry it.' })
  .register(apiSchemas, { id: 'Tag' });

export const apiAuthorSchema = z
  .strictObject({
    id: post.author,
    name: author.name,
    role: author.role,
    bio: author.bio,
    avatar: absoluteUrl().nullable().meta({ description: 'A square photo, or null when the author has none.' }),
    links: author.links,
    url: absoluteUrl().meta({ description: "The author's page on the site." }),
    api_url: absoluteUrl().meta({ description: 'This author with their posts, in this API.' }),
    count: z.int().min(0).meta({ description: 'How many public posts the author wrote.' }),
  })
  .meta({ description: 'A writer, with how many public posts they wrote.' })
  .register(apiSchemas, { id: 'Author' });

export const apiImageSchema = z
  .strictObject({
    url: absoluteUrl().meta({ description: 'A JPEG at most 1200 pixels wide.' }),
    alt: post.image.unwrap().shape.alt,
    width: z.int().min(1),
    height: z.int().min(1),
  })
  .meta({ description: "The post's hero picture." })
  .register(apiSchemas, { id: 'Image' });

export const apiCitationSchema = z
  .strictObject({
    ...citationSchema.shape,
    formatted: z.string().min(1).meta({ description: 'The APA 7 reference as plain text.' }),
    formatted_html: z.string().min(1).meta({ description: 'The same reference as HTML, with the italics and the link.' }),
  })
  .meta(citationSchema.meta() ?? {})
  .register(apiSchemas, { id: 'Citation' });

const summaryShape = {
  id: slug.meta({ description: 'Stable identifier of the post; today the same as its slug.' }),
  slug: slug.meta({ description: "The last part of the post's address.", examples: ['massage-after-exercise'] }),
  title: post.title,
  url: absoluteUrl().meta({ description: "The post's page on the site." }),
  api_url: absoluteUrl().meta({ description: 'The full post, in this API.' }),
  excerpt: post.description,
  reading_time: z.int().min(1).meta({ description: "Minutes to read: the author's figure or the words at 238 a minute." }),
  published_at: instant().meta({ description: 'When the post went public (UTC).' }),
  updated_at: instant().meta({ description: 'When the post last changed for readers (UTC); the publishing time when it never did.' }),
  author: apiAuthorSchema,
  tags: z.array(apiTagSchema).min(TAGS_MIN).max(TAGS_MAX),
  feature_image: apiImageSchema.nullable().meta({ description: 'The hero picture, or null when the post has none.' }),
  og_image: absoluteUrl().meta({ description: 'The picture shown when the post is shared (1200 by 630).' }),
};

export const apiPostSummarySchema = z
  .strictObject(summaryShape)
  .meta({ description: 'A post as lists show it: everything but the body.' })
  .register(apiSchemas, { id: 'PostSummary' });

export const apiPostSchema = z
  .strictObject({
    ...summaryShape,
    canonical_url: absoluteUrl().meta({ description: 'The address search engines should treat as the original.' }),
    html: z.string().meta({ description: 'The body as HTML; every link and image address in it is absolute.' }),
    plaintext: z.string().meta({ description: 'The body as plain text, one paragraph a block.' }),
    citations: z.array(apiCitationSchema).meta({ description: 'The sources the post relies on, in the order the post lists them.' }),
  })
  .meta({ description: 'One post with its body and sources.' })
  .register(apiSchemas, { id: 'Post' });

export const apiPaginationSchema = z
  .strictObject({
    page: z.int().min(1),
    limit: z.int().min(1).meta({ description: 'Posts a page holds at most.' }),
    pages: z.int().min(1),
    total: z.int().min(0).meta({ description: 'Public posts in all pages.' }),
    next: absoluteUrl().nullable().meta({ description: "The next page's address, or null on the last page." }),
    prev: absoluteUrl().nullable().meta({ description: "The previous page's address, or null on the first page." }),
  })
  .register(apiSchemas, { id: 'Pagination' });

export const apiPostsPageSchema = z
  .strictObject({
    posts: z.array(apiPostSummarySchema),
    meta: z.strictObject({ pagination: apiPaginationSchema }),
  })
  .meta({ description: 'One page of public posts, newest first.' })
  .register(apiSchemas, { id: 'PostsPage' });

export const apiPostResponseSchema = z.strictObject({ post: apiPostSchema }).register(apiSchemas, { id: 'PostResponse' });

export const apiAuthorsResponseSchema = z
  .strictObject({ authors: z.array(apiAuthorSchema) })
  .meta({ description: 'Every author, by name.' })
  .register(apiSchemas, { id: 'AuthorsResponse' });

export const apiAuthorResponseSchema = z
  .strictObject({ author: apiAuthorSchema, posts: z.array(apiPostSummarySchema) })
  .meta({ description: 'One author and their public posts, newest first.' })
  .register(apiSchemas, { id: 'AuthorResponse' });

export const apiTagsResponseSchema = z
  .strictObject({ tags: z.array(apiTagSchema) })
  .meta({ description: 'Every tag of a public post, most used first, then alphabetically.' })
  .register(apiSchemas, { id: 'TagsResponse' });

export const apiTagResponseSchema = z
  .strictObject({ tag: apiTagSchema, posts: z.array(apiPostSummarySchema) })
  .meta({ description: 'One tag and its public posts, newest first.' })
  .register(apiSchemas, { id: 'TagResponse' });

export const apiRedirectSchema = z
  .strictObject({
    from: z
      .string()
      .regex(/^\//)
      .meta({ description: 'An old path of a post, as a browser asks for it.', examples: ['/post/massage-after-exercise'] }),
    to: absoluteUrl().meta({ description: 'Where the post is now.' }),
    status: z.literal(301),
  })
  .meta({ description: 'An old address of a public post and where it moved.' })
  .register(apiSchemas, { id: 'Redirect' });

export const apiRedirectsResponseSchema = z
  .strictObject({ count: z.int().min(0), redirects: z.array(apiRedirectSchema) })
  .meta({ description: 'Every old address of a public post (earlier slugs and addresses on a previous site), sorted by path.' })
  .register(apiSchemas, { id: 'RedirectsResponse' });

export const apiSearchEntrySchema = z
  .strictObject({
    slug,
    title: post.title,
    excerpt: post.description,
    tags: post.tags,
    date: instant().meta({ description: 'When the post went public (UTC).' }),
    url: absoluteUrl(),
  })
  .register(apiSchemas, { id: 'SearchEntry' });

export const apiSearchIndexSchema = z
  .strictObject({ posts: z.array(apiSearchEntrySchema) })
  .meta({ description: 'Every public post in a compact form for filtering in the browser, newest first.' })
  .register(apiSchemas, { id: 'SearchIndex' });

export type ApiTag = z.output<typeof apiTagSchema>;
export type ApiAuthor = z.output<typeof apiAuthorSchema>;
export type ApiImage = z.output<typeof apiImageSchema>;
export type ApiCitation = z.output<typeof apiCitationSchema>;
export type ApiPostSummary = z.output<typeof apiPostSummarySchema>;
export type ApiPost = z.output<typeof apiPostSchema>;
export type ApiPagination = z.output<typeof apiPaginationSchema>;
export type ApiPostsPage = z.output<typeof apiPostsPageSchema>;
export type ApiPostResponse = z.output<typeof apiPostResponseSchema>;
export type ApiAuthorsResponse = z.output<typeof apiAuthorsResponseSchema>;
export type ApiAuthorResponse = z.output<typeof apiAuthorResponseSchema>;
export type ApiTagsResponse = z.output<typeof apiTagsResponseSchema>;
export type ApiTagResponse = z.output<typeof apiTagResponseSchema>;
export type ApiSearchIndex = z.output<typeof apiSearchIndexSchema>;
export type ApiRedirectsResponse = z.output<typeof apiRedirectsResponseSchema>;

/** The placeholders in the API's path templates, for the OpenAPI document. */
export const apiParameterSchemas = {
  page: z.int().min(1),
  slug,
  tag: post.tags.element,
  authorId: z.string().min(1),
  schemaName: z.enum([...apiSchemas._idmap.keys()] as [string, ...string[]]),
};
