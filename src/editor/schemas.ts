/**
 * The content schemas as the editor uses them: the same factories as Astro and
 * the content check, with a picture as a path and an author as an id.
 */
import type { z } from 'zod';
import { authorSchema } from '../schema/author.ts';
import { citationSchema } from '../schema/citation.ts';
import { postSchema } from '../schema/post.ts';
import { unwrap } from '../schema/introspect.ts';

export { authorSchema, postSchema };

/** The object schema inside optional/default wrappers, and inside a list's items. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let inner = unwrap(schema) as z.ZodType & { element?: z.ZodType; shape?: Record<string, z.ZodType> };
  if (inner.element) inner = unwrap(inner.element) as typeof inner;
  if (!inner.shape) throw new Error('not an object schema');
  return inner.shape;
}

export const postShape = objectShape(postSchema);
export const authorShape = objectShape(authorSchema);
export const citationShape = objectShape(citationSchema);
export const linkShape = objectShape(authorShape.links!);
export const credentialShape = objectShape(authorShape.credentials!);
export const imageShape = objectShape(postShape.image!);

/** Field order as the schemas list them: saves keep files in this order. */
export const POST_FIELD_ORDER = Object.keys(postShape);
export const AUTHOR_FIELD_ORDER = Object.keys(authorShape);
