/**
 * Every picture in the body needs words for people who cannot see it (screen
 * readers, slow connections, search). An HTML <img alt=""> is an explicit
 * "decorative" choice and is left alone; Markdown's ![](…) is almost always an
 * oversight.
 */
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

const FILE_NAME_ALT = /(\.(jpe?g|png|gif|webp|avif|svg)$)|^(img|image|photo|picture|dsc|screenshot)[\s_-]*\d*$/i;

export const imageAlt: PostRule = {
  id: 'image-alt',
  check(post) {
    const out: Problem[] = [];
    for (const image of scanBody(post).links) {
      if (image.kind !== 'image') continue;
      const line = bodyLineNumber(post, image.index);
      if (image.alt === undefined) {
        out.push(problemAt(post, line, 'body', `the picture ${image.url} has no alt text; add alt="what the picture shows" to the <img> tag`));
      } else if (!image.alt.trim() && image.syntax !== 'html') {
        out.push(
          problemAt(
            post,
            line,
            'body',
            `the picture ${image.url} has no alt text; describe what it shows between the brackets, like ![A therapist stretching a client's hamstring](${image.url})`,
          ),
        );
      } else if (FILE_NAME_ALT.test(image.alt.trim())) {
        out.push(
          problemAt(post, line, 'body', `the picture ${image.url} has "${image.alt}" as its alt text, which tells a reader nothing; describe what the picture shows`, 'warning'),
        );
      }
    }
    return out;
  },
};
