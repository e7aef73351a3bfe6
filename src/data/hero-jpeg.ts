/**
 * The one plain JPEG of a post's hero picture that outputs outside the page
 * use (the JSON API, the feeds, the JSON-LD): the largest JPEG the page's
 * <picture> already offers. Asking getImage for exactly the options <Picture>
 * resolves (widths, format, and fit and position from the image config) gives
 * the same transform, so the same file: no extra copies to encode.
 */
import { getImage, imageConfig } from 'astro:assets';
import { PROSE_IMAGE_WIDTHS } from '../lib/prose-images.ts';

export interface HeroJpeg {
  /** A path the site serves, base included. */
  src: string;
  width: number;
  height: number;
}

export async function heroJpeg(src: ImageMetadata): Promise<HeroJpeg> {
  const image = await getImage({
    src,
    widths: [...PROSE_IMAGE_WIDTHS],
    format: 'jpg',
    fit: imageConfig.objectFit ?? 'cover',
    position: imageConfig.objectPosition ?? 'center',
  });
  // The widest candidate: 1200 px, or the picture's own width when it is narrower.
  const largest = image.srcSet.values.at(-1);
  if (!largest) return { src: image.src, width: Number(image.attributes.width), height: Number(image.attributes.height) };
  return { src: largest.url, width: Number(largest.transform.width), height: Number(largest.transform.height) };
}
