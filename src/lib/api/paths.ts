/**
 * Where each API file lives, as paths under the site's base (give them to
 * `urls.path`/`urls.absolute`). The routes in src/pages/api/v1/, the links
 * inside responses and the OpenAPI document all use these, so they cannot drift.
 * (The OpenAPI document passes `{slug}`-style placeholders for its path templates.)
 */
export const API_VERSION = 'v1';
export const API_ROOT = `api/${API_VERSION}/`;

export const apiPaths = {
  /** The first page of posts; the same as `postsPage(1)`. */
  posts: () => `${API_ROOT}posts.json`,
  postsPage: (page: number | string) => `${API_ROOT}posts/page/${page}.json`,
  post: (slug: string) => `${API_ROOT}posts/${slug}.json`,
  authors: () => `${API_ROOT}authors.json`,
  author: (id: string) => `${API_ROOT}authors/${id}.json`,
  tags: () => `${API_ROOT}tags.json`,
  tag: (slug: string) => `${API_ROOT}tags/${slug}.json`,
  search: () => `${API_ROOT}search.json`,
  redirects: () => `${API_ROOT}redirects.json`,
  schema: (id: string) => `${API_ROOT}schema/${id}.json`,
  openapi: () => `${API_ROOT}openapi.json`,
};
