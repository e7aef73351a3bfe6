/**
 * Under `astro dev`, the Open Graph cards are drawn when a page or a person asks
 * for one (`og/posts/<slug>.png`, `og/default.png`), from the dev server's
 * current reading of the content: drafts and scheduled posts have a card there,
 * as they have a page. A build writes its cards itself (cards.ts).
 */
import type { Connect, Plugin } from 'vite';
import type { ContentSession } from '../../lib/content/session.ts';
import { postCard, siteCard, type CardSite, type OgCard } from '../../lib/og/card.ts';
import { createOgRenderer, type OgRenderer } from '../../lib/og/render.ts';
import { OG_IMAGE_TYPE } from '../../lib/og/size.ts';
import type { Urls } from '../../lib/urls.ts';

function cardFor(path: string, session: ContentSession, urls: Urls, site: CardSite): OgCard | undefined {
  if (path === urls.path(urls.siteOgImagePath())) return siteCard(site);
  const post = session.posts.find((p) => p.valid && path === urls.path(urls.ogImagePath(p.slug)));
  if (!post) return undefined;
  const author = session.report.authors.find((a) => a.id === post.authorId);
  return postCard(post, author?.data.name ?? post.authorId, site);
}

export function devCards(session: ContentSession, urls: Urls, site: CardSite): Plugin {
  let renderer: OgRenderer | undefined;
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const card = path.endsWith('.png') ? cardFor(path, session, urls, site) : undefined;
    if (!card) return next();
    (renderer ??= createOgRenderer())
      .render(card)
      .then(({ png }) => {
        res.setHeader('Content-Type', OG_IMAGE_TYPE);
        res.end(png);
      })
      .catch(next);
  };
  return {
    name: 'site-dev-cards',
    configureServer(server) {
      server.middlewares.use(serve);
    },
  };
}
