/** A picture in the body that points to a missing file stops the build with a cryptic error; say which file and why. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodePercent } from '../../percent-decode.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

export const bodyImageFiles: PostRule = {
  id: 'body-image-files',
  check(post) {
    const out: Problem[] = [];
    for (const image of scanBody(post).links) {
      // Only Markdown pictures are files next to the post; an HTML <img src> is a web address
      // relative to the page, and so are full addresses and site-root paths.
      if (image.kind !== 'image' || !image.written.startsWith('!') || !image.url || /^([a-z][a-z0-9+.-]*:|\/)/i.test(image.url)) continue;
      const file = resolve(dirname(post.path), decodePercent(image.url.replace(/[#?].*$/, '')));
      if (existsSync(file)) continue;
      out.push(
        problemAt(
          post,
          bodyLineNumber(post, image.index),
          'body',
          `the picture ${image.url} does not exist; check the file name and that the path starts with ./ (pictures go in content/posts/images/)`,
        ),
      );
    }
    return out;
  },
};
