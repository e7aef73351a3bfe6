/**
 * A post's body as an HTML string, for outputs that are not pages: the JSON
 * API and the feeds. MDX posts and posts with pictures go through Astro's own
 * renderer (the container API), so images are processed and MDX components run
 * exactly as on the post page; other Markdown posts use the HTML the content
 * loader rendered (in the post HTML cache, or Astro's store under `astro dev`),
 * which is what that renderer would return.
 */
import { render } from 'astro:content';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { cachedBodyHtml, postEntry, showsUnpublished } from './posts.ts';
import type { Post } from '../lib/post-model.ts';

let container: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

// A build renders each post once however many outputs ask; the dev server
// re-renders so edits show up.
const rendered = new Map<string, Promise<string>>();

async function renderBody(post: Pick<Post, 'slug'>): Promise<string> {
  const entry = await postEntry(post);
  // A Markdown post without local pictures: render() would hand the container
  // exactly the HTML the loader made (astro/dist/content/runtime.js,
  // renderEntry), so use it as is. MDX (rendered on demand) and posts whose
  // pictures Astro still has to process go through the container.
  const ready = entry.rendered;
  if (ready && !ready.metadata?.imagePaths?.length) return ready.html.trim();
  const { Content } = await render(entry);
  const html = await (await getContainer()).renderToString(Content);
  return html.trim();
}

/**
 * The body as the post page shows it: links and images are relative to the
 * site, as on the page. Outputs read elsewhere make them absolute against the
 * post's address (see src/lib/feeds/absolute-urls.ts).
 */
export async function postBodyHtml(post: Pick<Post, 'slug'>): Promise<string> {
  if (showsUnpublished) return renderBody(post);
  const entry = await postEntry(post);
  // Read again for each output rather than remembered, so no build holds every body.
  const cached = cachedBodyHtml(entry);
  if (cached !== undefined) return cached.trim();
  // render() tells Astro's incremental build that this route shows the entry, so
  // it is rebuilt when a component the entry uses (MDX) changes, even when another
  // route rendered the body first and the HTML below comes from the memo.
  await render(entry);
  let html = rendered.get(post.slug);
  if (!html) {
    html = renderBody(post);
    rendered.set(post.slug, html);
  }
  return html;
}
