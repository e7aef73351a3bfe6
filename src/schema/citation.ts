import { z } from 'zod';

/** DOIs look like 10.1126/scitranslmed.3002882: "10.", a registrant code, a slash, a suffix. */
export const DOI_PATTERN = /^10\.\d{4,9}\/[^\s]+$/;

const currentYear = new Date().getUTCFullYear();

export const citationSchema = z
  .strictObject({
    authors: z
      .array(
        z.string().trim().min(2, { error: 'an author name is empty; write it as "Family, G. I."' }),
        { error: 'must be a list of names, one a line, each like "Crane, J. D."' },
      )
      .min(1, { error: 'needs at least one author, written as "Family, G. I."' })
      .meta({ description: 'Authors in citation order, each "Family, G. I." (or an organisation name).', examples: [['Crane, J. D.', 'Tarnopolsky, M. A.']] }),
    year: z
      // "2019" in quotes is the same year: the template quotes other numbers (volume) too.
      .preprocess((v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v), z
      .int({ error: (issue) => (issue.input === undefined ? 'is missing; add the year the work came out, like 2012' : 'must be the year as a number, like 2012') })
      .min(1800, { error: 'must be a year after 1800' })
      .max(currentYear + 1, { error: `cannot be later than ${currentYear + 1}` }))
      .meta({ description: 'Year of publication.', examples: [2012] }),
    title: z.string().trim().min(3, { error: 'is missing or too short; copy the title of the article or book' }).meta({
      description: 'Title of the article, chapter or book, in its own capitalisation.',
      examples: ['Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage'],
    }),
    container: z.string().trim().min(2, { error: 'is missing; write the journal or publisher name' }).meta({
      description: 'The journal, website or publisher the work appeared in.',
      examples: ['Science Translational Medicine'],
    }),
    volume: z.union([z.string().min(1), z.int()]).optional().meta({ description: 'Journal volume.', examples: ['4'] }),
    issue: z.union([z.string().min(1), z.int()]).optional().meta({ description: 'Journal issue number.', examples: ['119'] }),
    pages: z
      .string({ error: 'must be text like "12–19" (put it in quotes)' })
      .min(1)
      .optional()
      .meta({ description: 'Page range, like "12–19".', examples: ['12–19'] }),
    article: z
      .string({ error: 'must be text like "119ra13" (put it in quotes)' })
      .min(1)
      .optional()
      .meta({ description: 'Article number, for journals that number articles instead of pages.', examples: ['119ra13'] }),
    doi: z
      .string()
      .trim()
      .transform((v) => v.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, ''))
      .pipe(z.string().regex(DOI_PATTERN, { error: 'is not a DOI; it should look like 10.1126/scitranslmed.3002882' }))
      .optional()
      .meta({ description: 'Digital Object Identifier, without https://doi.org/.', examples: ['10.1126/scitranslmed.3002882'] }),
    url: z
      .url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' })
      .optional()
      .meta({ description: 'Where to read the work, when it has no DOI.', examples: ['https://example.org/report'] }),
  })
  .refine((c) => c.doi !== undefined || c.url !== undefined, {
    error: 'needs a `doi:` or a `url:` so readers can find the source',
  })
  .refine((c) => !(c.pages && c.article), {
    error: 'has both `pages:` and `article:`; keep the one the journal uses',
  })
  .meta({ description: 'A source the post relies on, shown in the Sources list in APA 7 style.' });

export type Citation = z.output<typeof citationSchema>;
