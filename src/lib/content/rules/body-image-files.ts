/**
 * A picture in the body is made into the page's optimised files by the build
 * (Astro's image step, on the Markdown parse's picture nodes); one it cannot
 * find or read stops the build with a cryptic error. Say which file and why.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasUndecodablePercent } from '../../percent-decode.ts';
import { pictureFileProblem } from '../picture-file.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

const NOT_A_FILE = /^([a-z][a-z0-9+.-]*:|\/)/i;

export const bodyImageFiles: PostRule = {
  id: 'body-image-files',
  check(post) {
    const out: Problem[] = [];
    for (const image of scanBody(post).links) {
      // An HTML <img src> is a web address relative to the page, and so are full addresses and site-root paths.
      if (image.kind !== 'image' || image.syntax === 'html' || !image.url || NOT_A_FILE.test(image.url)) continue;
      const line = bodyLineNumber(post, image.index);
      if (image.syntax === 'reference') {
        out.push(
          problemAt(
            post,
            line,
            'body',
            `the picture ${image.url} is written as a reference (its path on a [name]: line of its own), which the site does not turn into a picture; write it in place instead: ![${image.alt ?? ''}](${image.url})`,
          ),
        );
        continue;
      }
      // The build reads the path with decodeURI, which stops at a % that is not an escape.
      if (hasUndecodablePercent(image.url)) {
        out.push(
          problemAt(post, line, 'body', `the picture path ${image.url} has a % sign, which the site cannot read in a path; rename the picture without it (50-percent-off.jpg, say) and change the path to match`),
        );
        continue;
      }
      const file = resolve(dirname(post.path), decodeURI(image.url.replace(/[#?].*$/, '')));
      if (!existsSync(file)) {
        out.push(problemAt(post, line, 'body', `the picture ${image.url} does not exist; check the file name and that the path starts with ./ (pictures go in content/posts/images/)`));
        continue;
      }
      const unreadable = pictureFileProblem(file);
      if (unreadable) out.push(problemAt(post, line, 'body', `the picture ${image.url} ${unreadable}`));
    }
    return out;
  },
};
