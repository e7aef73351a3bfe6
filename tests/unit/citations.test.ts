import { describe, expect, it } from 'vitest';
import { formatAuthorList, formatCitation, formatCitationHtml } from '../../src/lib/citations.ts';
import { citationSchema } from '../../src/schema/citation.ts';

const crane = citationSchema.parse({
  authors: ['Crane, J. D.', 'Ogborn, D. I.', 'Cupido, C.', 'Melov, S.', 'Hubbard, A.', 'Bourgeois, J. M.', 'Tarnopolsky, M. A.'],
  year: 2012,
  title: 'Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage',
  container: 'Science Translational Medicine',
  volume: 4,
  issue: 119,
  article: '119ra13',
  doi: '10.1126/scitranslmed.3002882',
});

describe('APA 7 citations', () => {
  it('formats the studio study as an APA 7 journal reference', () => {
    expect(formatCitation(crane)).toBe(
      'Crane, J. D., Ogborn, D. I., Cupido, C., Melov, S., Hubbard, A., Bourgeois, J. M., & Tarnopolsky, M. A. (2012). ' +
        'Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage. ' +
        'Science Translational Medicine, 4(119), Article 119ra13. https://doi.org/10.1126/scitranslmed.3002882',
    );
  });

  it('italicises journal and volume and links the DOI in HTML', () => {
    const html = formatCitationHtml(crane);
    expect(html).toContain('<i>Science Translational Medicine</i>, <i>4</i>(119), Article 119ra13.');
    expect(html).toContain('<a href="https://doi.org/10.1126/scitranslmed.3002882">https://doi.org/10.1126/scitranslmed.3002882</a>');
  });

  it('joins authors the APA way', () => {
    expect(formatAuthorList(['Walker, L.'])).toBe('Walker, L.');
    expect(formatAuthorList(['Walker, L.', 'Smith, J.'])).toBe('Walker, L., & Smith, J.');
    const many = Array.from({ length: 22 }, (_, i) => `Author${i + 1}, A.`);
    expect(formatAuthorList(many)).toBe(`${many.slice(0, 19).join(', ')}, . . . Author22, A.`);
  });

  it('formats a book or report with an italic title and the publisher', () => {
    const book = citationSchema.parse({
      authors: ['World Health Organization'],
      year: 2020,
      title: 'Guidelines on physical activity and sedentary behaviour',
      container: 'World Health Organization',
      url: 'https://example.org/guidelines',
    });
    expect(formatCitation(book)).toBe(
      'World Health Organization. (2020). Guidelines on physical activity and sedentary behaviour. World Health Organization. https://example.org/guidelines',
    );
    expect(formatCitationHtml(book)).toContain('<i>Guidelines on physical activity and sedentary behaviour.</i>');
  });

  it('uses page ranges when the journal has pages', () => {
    const paged = citationSchema.parse({ ...crane, article: undefined, pages: '12–19' });
    expect(formatCitation(paged)).toContain('4(119), 12–19. https://doi.org');
  });

  it('escapes text so a title cannot inject HTML', () => {
    const odd = citationSchema.parse({ ...crane, title: 'Less <b>than</b> & more' });
    expect(formatCitationHtml(odd)).toContain('Less &lt;b&gt;than&lt;/b&gt; &amp; more.');
  });

  it('accepts a DOI written as a doi.org link and stores the bare DOI', () => {
    expect(citationSchema.parse({ ...crane, doi: 'https://doi.org/10.1126/scitranslmed.3002882' }).doi).toBe(
      '10.1126/scitranslmed.3002882',
    );
  });
});
