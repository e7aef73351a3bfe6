import { z } from 'zod';

/** An author file, content/authors/<id>.yaml; the id is the file name. */
export const authorSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, { error: "is missing; write the person's full name" })
    .max(80)
    .meta({
      description: 'Full name as it appears in bylines.',
      examples: ['Lauren Walker'],
    }),
  role: z
    .string()
    .trim()
    .min(2, { error: 'is missing; write a short job title like "Licensed massage therapist"' })
    .max(80)
    .meta({
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
    .optional()
    .meta({ description: 'A square photo, path relative to the author file.' }),
  links: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        url: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' }),
      }),
    )
    .default([])
    .meta({ description: 'Profile links (website, Instagram, …).' }),
  credentials: z
    .array(
      z.strictObject({
        type: z
          .string({ error: 'is missing; write the licence or qualification, like "Licensed Massage Therapist"' })
          .trim()
          .min(3, { error: 'is missing; write the licence or qualification, like "Licensed Massage Therapist"' })
          .max(120)
          .meta({ description: 'The licence or qualification in full.', examples: ['Licensed Massage Therapist'] }),
        abbreviation: z
          .string()
          .trim()
          .min(1)
          .max(20)
          .optional()
          .meta({ description: 'Letters after the name.', examples: ['LMT'] }),
        number: z
          .string({ error: 'must be text like "MA12345" (put it in quotes)' })
          .trim()
          .min(1)
          .max(40)
          .optional()
          .meta({ description: 'The licence number, so readers can look it up.', examples: ['MA12345'] }),
        issuedBy: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .optional()
          .meta({ description: 'Who issued it.', examples: ['Florida Board of Massage Therapy'] }),
      }),
      { error: 'must be a list, each entry starting with "- type:"' },
    )
    .default([])
    .meta({ description: 'Licences and qualifications, shown when this person reviews health content.' }),
});

export type AuthorData = z.output<typeof authorSchema>;
