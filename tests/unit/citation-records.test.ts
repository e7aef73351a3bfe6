/** Records read from the recorded answers, compared with frontmatter, and turned into a frontmatter entry. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithRecord, comparable, comparablePages } from '../../src/lib/citations/compare.ts';
import { citationFromRecord, citationYaml, initials } from '../../src/lib/citations/frontmatter-entry.ts';
import { fromCrossref, fromEsummary, plainTitle } from '../../src/lib/citations/record.ts';
import type { Citation } from '../../src/schema/citation.ts';
import { FIXTURES } from '../support/paths.ts';
import { CRANE_2012_FULL } from './support/citations.ts';

const recorded = (path: string) => JSON.parse(readFileSync(join(FIXTURES, 'citations', path), 'utf8')) as Record<string, unknown>;
const crane = fromCrossref(
  '10.1126/scitranslmed.3002882',
  recorded('crossref/10.1126_scitranslmed.3002882.json').message as Record<string, unknown>,
);
const weerapong = fromCrossref(
  '10.2165/00007256-200535030-00004',
  recorded('crossref/10.2165_00007256-200535030-00004.json').message as Record<string, unknown>,
);
const pubmed = fromEsummary('22301554', recorded('eutils/esummary-22301554.json'))!;

const CRANE = CRANE_2012_FULL;

describe('comparing a citation with its record', () => {
  it("passes a correct entry whatever the record's capitals, punctuation and dashes", () => {
    expect(compareWithRecord(CRANE, crane)).toEqual([]);
    expect(compareWithRecord(CRANE, pubmed)).toEqual([]);
    expect(compareWithRecord({ ...CRANE, container: 'Sci Transl Med', article: undefined, pages: '119ra13' } as Citation, crane)).toEqual(
      [],
    );
    const sports: Citation = {
      authors: ['Weerapong, P.', 'Hume, P. A.', 'Kolt, G. S.'],
      year: 2005,
      title: 'The mechanisms of massage and effects on performance, muscle recovery and injury prevention.',
      container: 'The Sports Medicine',
      volume: '35',
      issue: 3,
      pages: '235–56',
      doi: '10.2165/00007256-200535030-00004',
    };
    expect(compareWithRecord(sports, weerapong)).toEqual([]);
  });

  it('names every wrong field, what the record says and the fix', () => {
    const wrong: Citation = {
      ...CRANE,
      authors: ['Ogborn, D. I.', 'Crane, J. D.'],
      year: 2014,
      title: 'Massage and mitochondria',
      container: 'Science',
      volume: 5,
      issue: 120,
      article: '120ra1',
    };
    expect(compareWithRecord(wrong, crane)).toEqual([
      {
        field: 'year',
        message:
          "is 2014, but Crossref's record of 10.1126/scitranslmed.3002882 says 2012; change it to 2012, or check that the DOI is the work you mean",
      },
      {
        field: 'title',
        message:
          'is "Massage and mitochondria", but Crossref\'s record of 10.1126/scitranslmed.3002882 says "Massage Therapy Attenuates Inflammatory Signaling After Exercise-Induced Muscle Damage"; use that title (in sentence case, as APA writes titles), or check that the DOI is the work you mean',
      },
      {
        field: 'authors',
        message:
          'starts with "Ogborn, D. I.", but Crossref\'s record of 10.1126/scitranslmed.3002882 names Crane as the first author; list the authors in the article\'s order, or check that the DOI is the work you mean',
      },
      {
        field: 'container',
        message:
          'is "Science", but Crossref\'s record of 10.1126/scitranslmed.3002882 says "Science Translational Medicine"; change it to "Science Translational Medicine", or check that the DOI is the work you mean',
      },
      {
        field: 'volume',
        message:
          'is 5, but Crossref\'s record of 10.1126/scitranslmed.3002882 says "4"; change it to "4", or check that the DOI is the work you mean',
      },
      {
        field: 'issue',
        message:
          'is 120, but Crossref\'s record of 10.1126/scitranslmed.3002882 says "119"; change it to "119", or check that the DOI is the work you mean',
      },
      {
        field: 'article',
        message:
          'is "120ra1", but Crossref\'s record of 10.1126/scitranslmed.3002882 says "119ra13"; change it to "119ra13", or check that the DOI is the work you mean',
      },
    ]);
  });

  it('notices a PubMed ID that belongs to another DOI', () => {
    expect(compareWithRecord({ ...CRANE, doi: '10.2165/00007256-200535030-00004' }, pubmed)).toEqual([
      {
        field: 'pmid',
        message:
          "is PubMed's record of the work with DOI 10.1126/scitranslmed.3002882, but `doi:` is 10.2165/00007256-200535030-00004; one of the two names another work, so check both against the article",
      },
    ]);
  });

  it('normalises text and page ranges loosely enough for correct entries', () => {
    expect(comparable('The <i>TNF-α</i> &amp; IL-6 response.')).toBe('tnf alpha and il 6 response');
    expect(comparablePages('pp. 1234–9')).toBe('1234-1239');
    expect(comparablePages('235--256')).toBe('235-256');
    expect(plainTitle('Effects of <i>in vivo</i> massage &amp; rest')).toBe('Effects of in vivo massage & rest');
    expect(plainTitle('Pain&nbsp;scores, 2010&ndash;2020 &mdash; a review &#8211; part&#xA0;1 &unknown;')).toBe(
      'Pain scores, 2010\u20132020 \u2014 a review \u2013 part 1 &unknown;',
    );
  });
});

describe('a frontmatter entry from a record', () => {
  it("writes authors the APA way and the fields in the schema's order", () => {
    expect(initials('Justin D.')).toBe('J. D.');
    expect(initials('Jean-Paul')).toBe('J.-P.');
    expect(initials('JM')).toBe('J. M.');
    expect(citationYaml(citationFromRecord(crane))).toBe(
      [
        "# Paste under `citations:` in the post's frontmatter; cite it in the text as [@crane2012].",
        '# The title is as the publisher registered it; APA writes article titles in sentence case, so check its capitals.',
        '  - key: crane2012',
        '    authors:',
        '      - Crane, J. D.',
        '      - Ogborn, D. I.',
        '      - Cupido, C.',
        '      - Melov, S.',
        '      - Hubbard, A.',
        '      - Bourgeois, J. M.',
        '      - Tarnopolsky, M. A.',
        '    year: 2012',
        '    title: Massage Therapy Attenuates Inflammatory Signaling After Exercise-Induced Muscle Damage',
        '    container: Science Translational Medicine',
        '    volume: 4',
        '    issue: 119',
        '    article: 119ra13',
        '    doi: 10.1126/scitranslmed.3002882',
      ].join('\n'),
    );
  });

  it('gives a page range with an en dash, and a PubMed record its ID', () => {
    expect(citationFromRecord(weerapong)).toMatchObject({ key: 'weerapong2005', pages: '235–256', volume: 35, issue: 3 });
    expect(citationFromRecord(pubmed)).toMatchObject({
      authors: ['Crane, J. D.', 'Ogborn, D. I.', 'Cupido, C.', 'Melov, S.', 'Hubbard, A.', 'Bourgeois, J. M.', 'Tarnopolsky, M. A.'],
      article: '119ra13',
      doi: '10.1126/scitranslmed.3002882',
      pmid: 22301554,
    });
  });
});
