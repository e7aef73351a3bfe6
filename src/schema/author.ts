import { z } from 'zod';

/** An author file, content/authors/<id>.yaml; the id is the file name. */
export const authorSchema = z.strictObject({
    name: z.string().trim().min(2, { error: 'is missing; write the person\'s full name' }).max(80).meta({
      description: 'Full name as it appears in bylines.',
      examples: ['Lauren Walker'],
    }),
    role: z.string().trim().min(2, { error: 'is missing; write a short job title like "Licensed massage therapist"' }).max(80).meta({
      description: 'Job title shown under the name.',
      examples: ['Licensed massage therapist'],
    }),
    bio: z
      .string()
      .trim()
      .min(20, { error: 'is too short; write one or two sentences (20 to 400 characters)' })
      .max(400, { error: 'is too long; keep it to one or two sentences (at most 400 characters)' })
      .meta({ description: 'One or two sentences about the author.', examples: ['Lauren leads the recovery massage programme.'] }),
    avatar: z
      .string({ error: 'must be a path to a picture, like ./images/lauren.jpg' })
      .min(1)
      .optional().meta({ description: 'A square photo, path relative to the author file.' }),
    links: z
      .array(
        z.strictObject({
          label: z.string().min(1),
          url: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' }),
        }),
      )
      .default([])
      .meta({ description: 'Profile links (website, Instagram, …).' }),
});

export type AuthorData = z.output<typeof authorSchema>;
