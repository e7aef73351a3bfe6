import { z } from 'zod';
import { DOI_PATTERN, normaliseDoi, normalisePmid } from './identifiers.ts';
import { KEY_PATTERN } from './citation-keys.ts';

export { DOI_PATTERN };

/**
 * The latest year the schema takes: fixed and generous, because a schema has no
 * clock (it runs in the editor too, and a build has one "now", read once). That
 * a year is not later than next year, by the build's "now", is the content
 * rule citation-year's (src/lib/content/rules/citation-year.ts).
 */
export const CITATION_YEAR_MAX = 2100;

/** A transform to the one written form `normalise` gives, or an issue with `message` when there is none. */
function normalisedBy<T>(normalise: (value: T) => string | undefined, message: string) {
  return (value: T, ctx: z.RefinementCtx<T>): string => {
    const out = normalise(value);
    if (out !== undefined) return out;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
}

export const citationSchema = z
  .strictObject({
    key: z
      .string({ error: 'must be a short name like crane2012' })
      .trim()
      .regex(KEY_PATTERN, { error: 'must be letters and digits, like crane2012 (a "-", "." or ":" may join two parts)' })
      .optional()
      .meta({
        description:
          "The short name the text cites this source by, as [@crane2012]. Left out, it is the first author's family name and the year.",
        examples: ['crane2012'],
      }),
    authors: z
      .array(z.string().trim().min(2, { error: 'an author name is empty; write it as "Family, G. I."' }), {
        error: 'must be a list of names, one a line, each like "Crane, J. D."',
      })
      .min(1, { error: 'needs at least one author, written as "Family, G. I."' })
      .meta({
        description: 'Authors in citation order, each "Family, G. I." (or an organisation name).',
        examples: [['Crane, J. D.', 'Tarnopolsky, M. A.']],
      }),
    year: z
      // "2019" in quotes is the same year: the template quotes other numbers (volume) too.
      .preprocess(
        (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
        z
          .int({
            error: (issue) =>
              issue.input === undefined
                ? 'is missing; add the year the work came out, like 2012'
                : 'must be the year as a number, like 2012',
          })
          .min(1800, { error: 'must be a year after 1800' })
          .max(CITATION_YEAR_MAX, { error: `cannot be later than ${CITATION_YEAR_MAX}; write the year the work came out` }),
      )
      .meta({ description: 'Year of publication.', examples: [2012] }),
    title: z
      .string()
      .trim()
      .min(3, { error: 'is missing or too short; copy the title of the article or book' })
      .meta({
        description: 'Title of the article, chapter or book, in its own capitalisation.',
        examples: ['Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage'],
      }),
    container: z
      .string()
      .trim()
      .min(2, { error: 'is missing; write the journal or publisher name' })
      .meta({
        description: 'The journal, website or publisher the work appeared in.',
        examples: ['Science Translational Medicine'],
      }),
    volume: z
      .union([z.string().min(1), z.int()])
      .optional()
      .meta({ description: 'Journal volume.', examples: ['4'] }),
    issue: z
      .union([z.string().min(1), z.int()])
      .optional()
      .meta({ description: 'Journal issue number.', examples: ['119'] }),
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
    // Pasted forms (a doi.org link, "doi:", capitals, spaces, the sentence's full stop) become the plain DOI.
    doi: z
      .string({ error: 'must be text like 10.1126/scitranslmed.3002882' })
      .transform(normalisedBy(normaliseDoi, 'is not a DOI; it should look like 10.1126/scitranslmed.3002882'))
      // Says what comes out, for the API's JSON Schema.
      .pipe(z.string().regex(DOI_PATTERN))
      .optional()
      .meta({ description: 'Digital Object Identifier, without https://doi.org/.', examples: ['10.1126/scitranslmed.3002882'] }),
    pmid: z
      // A number or a "PMID: 22301554" is the same ID: tidied first, then checked like text.
      .preprocess(
        (v) => (typeof v === 'string' || typeof v === 'number' ? (normalisePmid(v) ?? v) : v),
        z
          .string({ error: "must be a PubMed ID, the number on the article's PubMed page, like 22301554" })
          .regex(/^\d+$/, { error: "is not a PubMed ID; it is the number on the article's PubMed page, like 22301554" }),
      )
      .optional()
      .meta({ description: "PubMed ID, when the work is in PubMed: checked against PubMed's record too.", examples: ['22301554'] }),
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
