/**
 * The bridge from the build's posts to the JSON API: public posts from
 * getPosts() (the one publishing rule), authors, processed pictures and the
 * rendered body go into the pure model in src/lib/api/. Routes in
 * src/pages/api/v1/ only pick a response and serialise it.
 */
import { getImage } from 'astro:assets';
import { getAuthors, getPosts, showsUnpublished, type Author, type SitePost } from './posts.ts';
import { heroJpeg } from './hero-jpeg.ts';
import { postBodyHtml } from './post-html.ts';
import { createApiModel, type ApiModel, type ApiPostInput } from '../lib/api/shape.ts';
import type { ApiPostResponse } from '../schema/api.ts';
import { urls } from '../site-urls.ts';

const AVATAR_WIDTH = 400;

async function jpeg(src: ImageMetadata, maxWidth: number) {
  const image = await getImage({ src, width: Math.min(maxWidth, src.width), format: 'jpeg' });
  return { src: image.src, width: Number(image.attributes.width), height: Number(image.attributes.height) };
}

async function postInput(post: SitePost): Promise<ApiPostInput> {
  return {
    ...post,
    featureImage: post.hero ? { ...(await heroJpeg(post.hero.src)), alt: post.hero.alt } : undefined,
    ogImage: urls.path(urls.ogImagePath(post.slug)),
  };
}

async function authorInput(author: Author) {
  return { ...author, avatar: author.avatar ? (await jpeg(author.avatar, AVATAR_WIDTH)).src : undefined };
}

interface Built {
  model: ApiModel;
  posts: ApiPostSource[];
}

let built: Promise<Built> | undefined;

async function build(): Promise<Built> {
  const posts = await Promise.all((await getPosts()).map(async (post) => ({ post, input: await postInput(post) })));
  const authors = await Promise.all((await getAuthors()).map(authorInput));
  return { model: createApiModel({ posts: posts.map((p) => p.input), authors, urls }), posts };
}

/** The API over this build's public posts (built once per build; `astro dev` rebuilds so edits show up). */
export function apiModel(): Promise<Built> {
  if (showsUnpublished) return build();
  built ??= build();
  return built;
}

// A type, not an interface: Astro's route props must accept an index signature.
export type ApiPostSource = {
  post: SitePost;
  input: ApiPostInput;
};

/** One post in full, its body rendered by Astro like the post page. */
export async function apiPost({ post, input }: ApiPostSource): Promise<ApiPostResponse> {
  return (await apiModel()).model.post(input, await postBodyHtml(post));
}

/** A static JSON file. Hosts set the real headers from the extension and public/_headers; this is for `astro dev`. */
export function jsonResponse(data: unknown): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
