/** DOIs and PubMed IDs as pasted, citation keys, [@key] markers, and how the page renders them. */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { normaliseDoi, normalisePmid } from '../../src/schema/identifiers.ts';
import { citationKeys, keyStem } from '../../src/schema/citation-keys.ts';
import { findCitationMarkers, findMarkersInText } from '../../src/lib/citations/markers.ts';
import { citedNames, inTextLabels } from '../../src/lib/citations/in-text.ts';
import { citationMarkers } from '../../src/lib/citations/markdown-plugin.ts';
import { readableLines } from '../../src/lib/content/markdown-scan.ts';

describe('DOIs as pasted', () => {
  it.each([
    ['10.1126/scitranslmed.3002882', '10.1126/scitranslmed.3002882'],
    ['  10.1126/ scitranslmed.3002882 ', '10.1126/scitranslmed.3002882'],
    ['https://doi.org/10.1126/scitranslmed.3002882', '10.1126/scitranslmed.3002882'],
    ['http://dx.doi.org/10.1126/scitranslmed.3002882', '10.1126/scitranslmed.3002882'],
    ['www.doi.org/10.1126/scitranslmed.3002882', '10.1126/scitranslmed.3002882'],
    ['doi:10.1126/scitranslmed.3002882', '10.1126/scitranslmed.3002882'],
    ['DOI: 10.1126/SCITRANSLMED.3002882', '10.1126/scitranslmed.3002882'],
    ['10.1126/scitranslmed.3002882.', '10.1126/scitranslmed.3002882'],
    ['https://doi.org/10.1002/%28SICI%291097-4636', '10.1002/(sici)1097-4636'],
  ])('%s', (raw, doi) => {
    expect(normaliseDoi(raw)).toBe(doi);
  });

  it.each(['10.1126.scitranslmed.3002882', '11.1126/x', '10.11/x', 'https://example.org/10.1126/x', 'scitranslmed.3002882', ''])(
    'refuses %j',
    (raw) => {
      expect(normaliseDoi(raw)).toBeUndefined();
    },
  );

  it('reads PubMed IDs as numbers, with a prefix or as a PubMed link', () => {
    expect(normalisePmid(22301554)).toBe('22301554');
    expect(normalisePmid('PMID: 22301554')).toBe('22301554');
    expect(normalisePmid('https://pubmed.ncbi.nlm.nih.gov/22301554/')).toBe('22301554');
    expect(normalisePmid('22301554a')).toBeUndefined();
    expect(normalisePmid('0')).toBeUndefined();
  });
});

describe('citation keys', () => {
  it('takes the first family name and the year, without accents or spaces', () => {
    expect(keyStem('Crane, J. D.', 2012)).toBe('crane2012');
    expect(keyStem('Ødegård-Lund, K.', 2020)).toBe('odegardlund2020');
    expect(keyStem('van der Berg, A.', 2019)).toBe('vanderberg2019');
    expect(keyStem('World Health Organization', 2019)).toBe('who2019');
    expect(keyStem('Cochrane', 2021)).toBe('cochrane2021');
    expect(keyStem(undefined, 'n.d.')).toBe('source');
  });

  it('keeps written keys and gives a second source of the same author and year its own', () => {
    const crane = { authors: ['Crane, J. D.'], year: 2012 };
    expect(citationKeys([crane, crane, { ...crane, key: 'crane2012b' }, crane])).toEqual([
      'crane2012',
      'crane2012c',
      'crane2012b',
      'crane2012d',
    ]);
    expect(citationKeys([{ authors: ['Hunt, A.'], year: 2019, key: 'hunt' }])).toEqual(['hunt']);
  });
});

describe('finding markers', () => {
  const find = (text: string) =>
    findMarkersInText(text).map((m) => [m.text, m.items.map((i) => [i.prefix, i.key, i.suffix, i.suppressAuthor])]);

  it('reads Pandoc citations: one key, a locator, several keys with a prefix, the year alone', () => {
    expect(find('Massage helps [@crane2012].')).toEqual([['[@crane2012]', [['', 'crane2012', '', false]]]]);
    expect(find('as shown [@crane2012, p. 4]')).toEqual([['[@crane2012, p. 4]', [['', 'crane2012', ', p. 4', false]]]]);
    expect(find('[see @crane2012; @hunt2019]')).toEqual([
      [
        '[see @crane2012; @hunt2019]',
        [
          ['see', 'crane2012', '', false],
          ['', 'hunt2019', '', false],
        ],
      ],
    ]);
    expect(find('Crane and colleagues [-@crane2012] found')).toEqual([['[-@crane2012]', [['', 'crane2012', '', true]]]]);
    expect(find('escaped by an editor \\[@crane2012\\] still cites')).toEqual([['\\[@crane2012\\]', [['', 'crane2012', '', false]]]]);
  });

  it('leaves links, emails, handles and reference definitions alone', () => {
    expect(find('[@wellnessritualsme](https://instagram.com/wellnessritualsme)')).toEqual([]);
    expect(find('[write to us@studio.example]')).toEqual([]);
    expect(find('[\\@wellnessritualsme]')).toEqual([]);
    expect(find('[@crane2012]: https://doi.org/10.1126/scitranslmed.3002882')).toEqual([]);
    expect(find('[as shown [@crane2012]](https://example.org)')).toEqual([]);
    expect(find('no brackets @crane2012 here')).toEqual([]);
  });

  it('gives each marker its line and skips code spans and code blocks', () => {
    const body = 'First [@a2020].\n\n`[@code]` and [@b2021]\n\n```md\n[@fenced]\n```\n';
    expect(findCitationMarkers(readableLines(body)).map((m) => [m.index, m.text])).toEqual([
      [0, '[@a2020]'],
      [2, '[@b2021]'],
    ]);
  });
});

describe('author–date labels', () => {
  it('writes APA 7 parenthetical names', () => {
    expect(citedNames(['Crane, J. D.'])).toBe('Crane');
    expect(citedNames(['Crane, J. D.', 'Tarnopolsky, M. A.'])).toBe('Crane & Tarnopolsky');
    expect(citedNames(['Crane, J. D.', 'Ogborn, D. I.', 'Tarnopolsky, M. A.'])).toBe('Crane et al.');
    expect(citedNames(['World Health Organization'])).toBe('World Health Organization');
  });

  it('adds a and b to the year when two sources share names and year', () => {
    const labels = inTextLabels([
      { authors: ['Crane, J. D.'], year: 2012 },
      { authors: ['Hunt, A.'], year: 2019 },
      { authors: ['Crane, J. D.'], year: 2012 },
    ]);
    expect(labels.map((l) => `${l.names}, ${l.year}`)).toEqual(['Crane, 2012a', 'Hunt, 2019', 'Crane, 2012b']);
  });
});

describe('the Markdown plugin', () => {
  const frontmatter = {
    citations: [
      { authors: ['Crane, J. D.', 'Ogborn, D. I.', 'Tarnopolsky, M. A.'], year: 2012 },
      { key: 'hunt', authors: ['Hunt, A.'], year: 2019 },
    ],
  };
  const render = async (markdown: string, fm: Record<string, unknown> = frontmatter) =>
    (await markdownToHtml(markdown, { mdastPlugins: [citationMarkers()], data: { astro: { frontmatter: fm } } as never })).html.trim();
  const link = (key: string, n: number, text: string) =>
    `<a href="#source-${key}" id="cite-${key}-${n}" class="citation" role="doc-biblioref">${text}</a>`;

  it('turns markers into author–date links numbered per source', async () => {
    expect(await render('Massage helps [@crane2012]. Again [see @crane2012, p. 4; @hunt].')).toBe(
      `<p>Massage helps (${link('crane2012', 1, 'Crane et al., 2012')}). Again (see ${link('crane2012', 2, 'Crane et al., 2012')}, p. 4; ${link('hunt', 1, 'Hunt, 2019')}).</p>`,
    );
  });

  it('renders the year alone for [-@key], and works inside emphasis and lists', async () => {
    expect(await render('*Crane and colleagues [-@crane2012]*\n\n- [@hunt]\n')).toBe(
      `<p><em>Crane and colleagues (${link('crane2012', 1, '2012')})</em></p>\n<ul>\n<li>(${link('hunt', 1, 'Hunt, 2019')})</li>\n</ul>`,
    );
  });

  it('leaves code, links and unknown keys as written', async () => {
    expect(await render('`[@crane2012]` [@nobody] [see [@hunt]](https://example.org)\n\n```\n[@crane2012]\n```')).toBe(
      '<p><code>[@crane2012]</code> [@nobody] <a href="https://example.org">see [@hunt]</a></p>\n<pre><code>[@crane2012]\n</code></pre>',
    );
  });

  it('stays out of posts without citations', async () => {
    expect(await render('Follow [@wellnessritualsme].', {})).toBe('<p>Follow [@wellnessritualsme].</p>');
  });
});
