/** The site's Open Graph card, for the home, tag and author pages (defaultOgImageUrl()). */
import type { APIRoute } from 'astro';
import { siteCard } from '../../lib/og/card.ts';
import { buildRenderer } from '../../lib/og/render.ts';
import { OG_IMAGE_TYPE } from '../../lib/og/urls.ts';
import { site } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const { png } = await buildRenderer().render(siteCard(site));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': OG_IMAGE_TYPE } });
};
