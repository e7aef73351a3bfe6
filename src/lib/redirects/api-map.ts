/**
 * The redirect map as the JSON API serves it: which old address now lives
 * where, for programs that keep their own links (a newsletter archive, an app).
 */
import type { Urls } from '../urls.ts';
import type { Redirect } from './redirects.ts';

export interface ApiRedirect {
  /** The old path, as a browser asks for it. */
  from: string;
  /** The new address, absolute. */
  to: string;
  status: 301;
}

export interface ApiRedirectMap {
  count: number;
  redirects: ApiRedirect[];
}

export function apiRedirectMap(redirects: readonly Redirect[], opts: { urls: Pick<Urls, 'fromRoot'> }): ApiRedirectMap {
  const out = redirects.map((r) => ({ from: r.from, to: opts.urls.fromRoot(r.to), status: 301 as const }));
  return { count: out.length, redirects: out };
}
