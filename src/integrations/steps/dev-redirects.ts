/**
 * Under `astro dev`, an old address of a post answers with a 301 to where the
 * post is now, as the published site does (redirects.ts writes that there).
 */
import type { Connect, Plugin } from 'vite';
import type { ContentSession } from '../../lib/content/session.ts';
import { collectRedirects, slashVariants } from '../../lib/redirects/redirects.ts';

export function devRedirects(session: ContentSession, base: string): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const redirect = collectRedirects(
      session.posts.filter((p) => p.valid),
      { base },
    ).find((r) => slashVariants(r.from).includes(path));
    if (!redirect) return next();
    res.statusCode = 301;
    res.setHeader('Location', redirect.to);
    res.end();
  };
  return {
    name: 'site-dev-redirects',
    configureServer(server) {
      server.middlewares.use(serve);
    },
  };
}
