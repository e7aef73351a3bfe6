/**
 * Images in a post's body are as wide as the reading column at most, so they
 * get the same candidate widths and `sizes` as the hero: a phone downloads a
 * phone-sized file, a desktop no more than the column needs at 2x.
 */
import type { HastPluginDefinition } from 'satteri';

/** Candidate widths (px) for images in the reading column; never more than the original. */
export const PROSE_IMAGE_WIDTHS = [480, 800, 1200] as const;

/** The reading column: 38rem wide, or the screen minus the page margins on phones (see .wrap-narrow). */
export const PROSE_IMAGE_SIZES = '(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)';

/**
 * Markdown processor (Sätteri) plugin: gives every body image the column's
 * `sizes` unless the author set one, before Astro turns the image into
 * optimised files. Candidate widths come from `image.breakpoints` with the
 * `constrained` layout (astro.config.mjs): hast properties reach Astro as
 * strings, and string widths would produce duplicate srcset entries.
 * Astro adds width, height, lazy loading and WebP.
 */
export function proseImages(): HastPluginDefinition {
  return {
    name: 'prose-images',
    element: {
      filter: ['img'],
      visit(node, ctx) {
        if (node.properties?.sizes === undefined) ctx.setProperty(node, 'sizes', PROSE_IMAGE_SIZES);
      },
    },
  };
}
