/**
 * The content schemas as the editor sees them: the same factories as Astro and
 * the content check, with a picture as a path and an author as an id.
 */
import { z } from 'zod';
import { createAuthorSchema } from '../../schema/author.ts';
import { createPostSchema } from '../../schema/post.ts';

const imagePath = () => z.string({ error: 'must be a path to a picture, like ./images/hero.jpg' }).min(1, { error: 'is missing; choose a picture' });

export function editorPostSchema(timeZone: string) {
  return createPostSchema({ image: imagePath, author: z.string(), timeZone });
}

export const editorAuthorSchema = createAuthorSchema(imagePath);
