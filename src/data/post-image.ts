/**
 * The one picture that stands for a post outside its page (JSON-LD, and the
 * post's share image when it has a hero): its hero's largest JPEG, else its
 * Open Graph card.
 */
import { heroJpeg } from './hero-jpeg.ts';
import type { SitePost } from './posts.ts';
import type { ImageFacts } from '../lib/seo/json-ld.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from '../lib/og/size.ts';
import { urls } from '../site-urls.ts';

export async function postImageFacts(post: SitePost): Promise<ImageFacts> {
  if (!post.hero)
    return { url: urls.absolute(urls.ogImagePath(post.slug)), width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT, alt: post.title };
  const jpeg = await heroJpeg(post.hero.src);
  return { url: urls.fromRoot(jpeg.src), width: jpeg.width, height: jpeg.height, alt: post.hero.alt };
}
