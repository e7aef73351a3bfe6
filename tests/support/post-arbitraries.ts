/**
 * Random post files for property-based tests (fast-check): frontmatter and
 * bodies that mix what a writer types with what a paste or a slip brings:
 * control characters, odd Unicode (right-to-left text and marks, combining
 * marks, emoji sequences, noncharacters such as U+FFFE) and YAML's features
 * (anchors and aliases, tags, block and flow styles, quotes, colons, #
 * comments). Lone surrogates are left out: UTF-8 cannot hold them (a write
 * turns them into U+FFFD, which is covered anyway).
 *
 * `anyPost` may be anything; `likelyValidPost` keeps the structure valid and
 * puts the oddities inside quoted titles, descriptions and bodies, so most of
 * its posts are publishable and reach the build.
 *
 * None of the vocabulary looks like a stack trace ("at ", ".ts:", "Error:"),
 * so such text in a message can only have come from the code.
 */
import fc from 'fast-check';

/** The seed the property tests run with: a failure names its case, and the same seed replays it. */
export const PROPERTY_SEED = 20261130;

/** Characters a paste brings: C0 and C1 controls, invisible and direction marks, combining marks, noncharacters. */
const ODD = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\f',
  '\u000e',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u0092',
  '\u009f',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '\u0301',
  '\u0308\u0308\u0308',
  'e\u0301',
  'Z\u0336\u0334\u0337',
  'שלום',
  'مرحبا',
  '\u05d0\u202c',
  'ﷺ',
  '😀',
  '👩‍👩‍👧',
  '🇺🇸',
  '🏳️‍🌈',
  '👍🏽',
  '𝔘𝔫𝔦',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ufffd',
  '\ufdd0',
  '\u{1fffe}',
  '\u{10ffff}',
  '\t',
  '\r',
];
const WORDS = [
  'massage',
  'stretch',
  'calf',
  'Thai',
  'yoga',
  'recovery',
  'hips',
  'neck',
  'session',
  'runners',
  'Ümlaut',
  'naïve',
  'café',
  '2026',
  '19:00',
  'yes',
  'no',
  'null',
  '~',
  'true',
  '0x1F',
  '1e3',
  '.inf',
  'NaN',
  'Yes',
  'off',
];
/** Signs YAML, Markdown or MDX give a meaning to. */
const SIGNS = [
  ': ',
  ' #',
  '#',
  '&a',
  '*a',
  '!',
  '!!str',
  '|',
  '>',
  '[',
  ']',
  '{',
  '}',
  ',',
  "'",
  '"',
  '%',
  '@',
  '`',
  '---',
  '...',
  '- ',
  '? ',
  '\\',
  '<',
  '&',
  '&amp;',
  '&#0;',
  '&#xFFFE;',
  '{prices}',
  '<Tag>',
  '</p>',
  '<b>',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
  '*',
  '_',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Text made of words with odd characters and signs mixed in, sometimes a few random code points. */
export function oddText({ maxPieces = 8, signs = true } = {}): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 5, arbitrary: pick(WORDS) },
    { weight: 3, arbitrary: pick(ODD) },
    { weight: signs ? 2 : 0, arbitrary: pick(SIGNS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  return fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: maxPieces }), fc.constantFrom(' ', '', '  '))
    .map(([parts, sep]) => parts.join(sep));
}

/** Text with no sign YAML reads in double quotes, Markdown or MDX would take as markup. */
const quietText = (maxPieces: number) => oddText({ maxPieces, signs: false });

const indent = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => `  ${l}`)
    .join('\n');

/** The ways YAML can write a value, some of which go wrong for some text. */
type Style = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'str-tag' | 'custom-tag' | 'js-tag' | 'anchor' | 'commented';

export function writeScalar(text: string, style: Style): string {
  const double = `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  switch (style) {
    case 'plain':
      return text;
    case 'single':
      return `'${text.replaceAll("'", "''")}'`;
    case 'double':
      return double;
    case 'literal':
      return `|-\n${indent(text)}`;
    case 'folded':
      return `>-\n${indent(text)}`;
    case 'str-tag':
      return `!!str ${double}`;
    case 'custom-tag':
      return `!studio ${double}`;
    case 'js-tag':
      return `!!js/function ${double}`;
    case 'anchor':
      return `&shared ${double}`;
    case 'commented':
      return `${double} # ${text.replace(/\r?\n/g, ' ')}`;
  }
}

const ANY_STYLE = pick<Style>(['plain', 'single', 'double', 'literal', 'folded', 'str-tag', 'custom-tag', 'js-tag', 'anchor', 'commented']);
/** Styles that carry any text safely (a literal block keeps it as it is). */
const SAFE_STYLE = pick<Style>(['single', 'double', 'double', 'literal', 'str-tag', 'commented']);

const DUE_DATES = [
  '2026-11-20',
  '2026-11-26T19:00:00-05:00',
  '2026-11-20 09:00:00 -05:00',
  '2026-11-21T14:00:00Z',
  '2026-11-02T07:30:00-05:00',
  '2026-03-08T02:30:00-05:00',
];
const ODD_DATES = [
  '2026-13-01',
  '2026-11-20T07:00:00',
  'yesterday',
  '2099-01-01',
  '2026-11-31',
  '20 November 2026',
  '2026-11-20T25:00:00-05:00',
  '"2026-11-20"',
  '2026-11-20T07:00:00+15:00',
];
const TAGS = ['massage', 'recovery', 'stretching', 'thai-massage'];
const ODD_TAGS = ['Deep Tissue', 'masage', '', 'tag with: colon', '#hash', 'x'.repeat(60)];

/** One frontmatter line (or a few), as written. */
type Field = string;

function tagsField(tags: string[], flow: boolean): Field {
  return flow ? `tags: [${tags.join(', ')}]` : `tags:\n${tags.map((t) => `  - ${t}`).join('\n')}`;
}

/** A frontmatter that is structurally valid, with odd text inside its quoted fields. */
const likelyValidFields: fc.Arbitrary<Field[]> = fc
  .record({
    title: fc.tuple(pick(WORDS), pick(WORDS), quietText(4), SAFE_STYLE),
    description: fc.tuple(quietText(6), SAFE_STYLE),
    date: pick(DUE_DATES),
    tags: fc.tuple(fc.shuffledSubarray(TAGS, { minLength: 1, maxLength: 3 }), fc.boolean()),
    draft: fc.constantFrom(null, null, null, false, true),
    comment: fc.option(oddText({ maxPieces: 3 }), { freq: 3 }),
  })
  .map(({ title, description, date, tags, draft, comment }) => {
    const lines = [
      `title: ${writeScalar(`${title[0]} ${title[1]} ${title[2]}`.slice(0, 90), title[3])}`,
      `description: ${writeScalar(`A generated post about massage and stretching, with text a writer pasted: ${description[0]}`.slice(0, 170), description[1])}`,
      'author: ada-fixture',
      `date: ${date}`,
      tagsField(tags[0], tags[1]),
    ];
    if (draft !== null) lines.push(`draft: ${draft}`);
    if (comment !== null) lines.splice(2, 0, `# ${comment.replace(/[\r\n]/g, ' ')}`);
    return lines;
  });

/** A frontmatter where any field may be missing, odd, doubled or written in any style. */
const anyFields: fc.Arbitrary<Field[]> = fc
  .record({
    base: likelyValidFields,
    extra: fc.array(
      fc.oneof(
        fc
          .tuple(pick(['title', 'description', 'author', 'canonical', 'slug', 'updated', 'Title', 'autor', 'tags']), oddText(), ANY_STYLE)
          .map(([k, v, s]) => `${k}: ${writeScalar(v, s)}`),
        pick(ODD_DATES).map((d) => `date: ${d}`),
        fc.shuffledSubarray(ODD_TAGS, { minLength: 1, maxLength: 2 }).map((t) => `tags: [${t.join(', ')}]`),
        pick([
          'draft: maybe',
          'draft: yes',
          'readTime: 0',
          'readTime: "4"',
          'readTime: 500',
          'image: golfer.jpg',
          'image:\n  src: ./images/missing.jpg\n  alt: A picture that is not there',
          'canonical: javascript:alert(1)',
          'citations: []',
          'citations:\n  - authors: ["Crane, J. D."]\n    title: A study\n    container: A journal',
          'previousSlugs: [old-address, Old Address]',
          'slug: ../../etc/passwd',
          // Old addresses that are the site's own, or that no host can serve.
          'redirectFrom: [/index.html]',
          'redirectFrom: [/Tags/massage]',
          'redirectFrom: [/post/a%00b]',
          'redirectFrom: [/post/50%-off]',
          'redirectFrom: [/post/../posts/x]',
        ]),
        pick([
          'title: *shared',
          'description: *nowhere',
          'extra: &a [1, 2]\nmore: *a',
          '<<: {title: merged}',
          'title: !!binary aGVsbG8=',
          'date: !!timestamp 2026-11-20',
          '? complex key\n: value',
          'tags: {massage: yes}',
          'title: |\n  two\n  lines',
          'updated: |-\n  2026-11-21\n  in the evening',
          'author: >-\n  ada\n\n  fixture',
          '  indented: badly',
          '\ttabbed: value',
          'key with no value:',
          ': no key',
        ]),
        oddText({ maxPieces: 4 }).map((t) => `# ${t}`),
        oddText({ maxPieces: 3 }),
      ),
      { maxLength: 4 },
    ),
    drop: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 3 }),
    order: fc.boolean(),
  })
  .map(({ base, extra, drop, order }) => {
    const fields = drop === null ? [...base] : base.filter((_, i) => i !== drop);
    return order ? [...fields, ...extra] : [...extra, ...fields];
  });

const MARKDOWN_LINE = fc.oneof(
  quietText(8),
  quietText(5).map((t) => `## ${t}`),
  quietText(5).map((t) => `- ${t}`),
  quietText(5).map((t) => `> ${t}`),
  quietText(5).map((t) => `*${t}* and **${t}**`),
  quietText(4).map((t) => `[${t}](https://example.com/${encodeURIComponent(t).slice(0, 30)})`),
  quietText(4).map((t) => `\`${t.replaceAll('`', '')}\``),
  quietText(6).map((t) => `\`\`\`\n${t}\n\`\`\``),
);
const ODD_LINE = fc.oneof(
  oddText({ maxPieces: 10 }),
  pick([
    '<script>alert(1)</script>',
    '<iframe src="https://example.com/"></iframe>',
    '<p onclick="x()">hi</p>',
    '[x](javascript:alert(1))',
    '<Callout>',
    '{prices.length}',
    '{/* note */}',
    'export const n = 3',
    'import X from "./x.js"',
    '![missing](./images/nowhere.jpg)',
    // A % that is not an escape, in a picture path, a post link and a link to a file.
    '![A runner at the finish](./images/50%-off.jpg)',
    '[Half price](../50%-off/)',
    '[the file](./100%.md)',
    // Forms the build's Markdown parser reads and a line-by-line scan did not.
    '![A runner stretching](<./images/my runner.jpg>)',
    '![A runner stretching][runner]\n\n[runner]: ./images/runner.jpg',
    '[a post][old]\n\n[old]: ../no-such-post/',
    '| Stretch | Post |\n| --- | --- |\n| Calf | [calves](../calf-strech/) |',
    'import PriceTable from "../../src/components/PriceTabel.astro"',
    // Raw HTML the feeds leave out.
    '<video src="https://example.com/a.mp4"></video>',
    '<svg viewBox="0 0 1 1"></svg>',
    '[broken](../no-such-post/)',
    '---',
    '<div>',
    '</div>',
    '&copy; &nbsp; &#128512;',
    '<!-- unclosed comment',
    '$$ x^2 $$',
    '| a | b |\n|---|---|\n| 1 | 2 |',
  ]),
);

export interface GeneratedPost {
  /** `.md`, `.mdx` or, now and then, `.MD`. */
  ext: string;
  /** The file's text (written as UTF-8). */
  text: string;
}

function assemble(fields: Field[], body: string[], eol: string, bom: boolean): string {
  const text = `---\n${fields.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
  return `${bom ? '\ufeff' : ''}${eol === '\n' ? text : text.replace(/\n/g, eol)}`;
}

/** A post that is likely to be publishable, its oddities inside quoted text. Markdown, or MDX with plain text. */
export const likelyValidPost: fc.Arbitrary<GeneratedPost> = fc
  .record({
    fields: likelyValidFields,
    body: fc.array(MARKDOWN_LINE, { minLength: 1, maxLength: 6 }),
    // MDX is compiled from the file as written, so an invisible character there is an error: fewer of them.
    mdx: fc.constantFrom(false, false, false, true),
    crlf: fc.boolean(),
  })
  .map(({ fields, body, mdx, crlf }) => ({
    ext: mdx ? '.mdx' : '.md',
    text: assemble(fields, mdx ? body.map((l) => l.replace(/[<>{}]/g, '')) : body, crlf ? '\r\n' : '\n', false),
  }));

/** Any post: frontmatter and body may hold anything in this file's vocabulary. */
export const anyPost: fc.Arbitrary<GeneratedPost> = fc
  .record({
    fields: fc.oneof(likelyValidFields, anyFields, anyFields),
    body: fc.array(fc.oneof(MARKDOWN_LINE, ODD_LINE), { maxLength: 6 }),
    ext: fc.constantFrom('.md', '.md', '.md', '.md', '.mdx', '.mdx', '.MD'),
    eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ fields, body, ext, eol, bom }) => ({ ext, text: assemble(fields, body, eol, bom) }));
