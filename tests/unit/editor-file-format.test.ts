/**
 * The files the editor at /admin/ saves (src/lib/editor/post-file.ts): the
 * project's own style, so hand-written files and the editor's agree, an opened
 * file saved unchanged stays byte for byte the same, and an edit changes only
 * the lines of the fields that changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorEditorFields, postEditorFields } from '../../src/lib/editor/collections.ts';
import { dateForFile, dateForPicker } from '../../src/lib/editor/date-value.ts';
import {
  EntryFileFormat,
  formatMarkdownEntry,
  formatYamlEntry,
  parseMarkdownEntry,
  parseYamlEntry,
} from '../../src/lib/editor/post-file.ts';
import { FIXTURES } from '../support/paths.ts';

const TZ = 'America/New_York';
const posts = postEditorFields({ timeZone: TZ });
const authors = authorEditorFields({ timeZone: TZ });
const CONTENT = join(FIXTURES, 'content');
/** Fixture posts that list their fields in another order than the editor (kept so: hand-written files vary). */
const OTHER_ORDER = ['2026-11-20-renamed-in-file.md', '2026-11-26-draft-fixture.md'];

const read = (dir: string, name: string) => readFileSync(join(CONTENT, dir, name), 'utf8');

describe('the post file format', () => {
  it('writes every fixture post exactly as it is written by hand (but those in another field order)', () => {
    const differ = readdirSync(join(CONTENT, 'posts'))
      .filter((name) => name.endsWith('.md'))
      .filter((name) => formatMarkdownEntry(parseMarkdownEntry(read('posts', name)), posts) !== read('posts', name));
    expect(differ).toEqual(OTHER_ORDER);
  });

  it('writes every fixture author exactly as it is written by hand', () => {
    for (const name of readdirSync(join(CONTENT, 'authors'))) {
      expect(formatYamlEntry(parseYamlEntry(read('authors', name)), authors)).toBe(read('authors', name));
    }
  });

  it('returns a file read and saved unchanged as it was, comments and field order included', () => {
    const format = new EntryFileFormat(posts, 'markdown');
    for (const text of [
      read('posts', OTHER_ORDER[0]!),
      '---\ntitle: "A title, quoted"   # why\ndescription: >-\n  Folded text that says enough to pass fifty characters, and a few more.\nauthor: ada-fixture\ndate: 2026-12-01\ntags:\n  - massage\n# readTime: 4\n---\n\nText.\n',
    ]) {
      // The CMS hands the parser the file trimmed, and adds the final newline to what the formatter returns.
      const data = format.fromFile(text.trim());
      expect(`${format.toFile(structuredClone(data)).trim()}\n`).toBe(text);
    }
  });

  it('changes only the line of the field that changed', () => {
    const format = new EntryFileFormat(posts, 'markdown');
    const original = read('posts', '2026-11-01-fixture-massage-study.md');
    const data = format.fromFile(original.trim());
    const saved = format.toFile({ ...data, title: 'A new title' });
    const [before, after] = [original.split('\n'), saved.split('\n')];
    expect(after.filter((line, i) => line !== before[i])).toEqual(['title: A new title']);
  });

  it('cleans what the form hands over: dates in the file forms, numbers, defaults and empty fields left out', () => {
    const text = formatMarkdownEntry(
      {
        title: '  Stretching for golfers ',
        description: 'A description that is long enough to pass the fifty character minimum.',
        author: 'ada-fixture',
        date: '2026-12-03T07:00:00.000-05:00',
        updated: '2026-12-04T00:00:00-05:00',
        tags: ['stretching', ' golf '],
        readTime: '',
        citations: [
          {
            authors: ['Crane, J. D.', ''],
            year: 2012,
            title: 'A study',
            container: 'A journal',
            volume: '4',
            issue: '4a',
            pages: '',
            doi: '10.1/x',
          },
        ],
        image: { src: '', alt: '' },
        draft: false,
        canonical: '',
        previousSlugs: [],
        body: '\n\nThe text.\n\n',
      },
      posts,
    );
    expect(text).toBe(
      [
        '---',
        'title: Stretching for golfers',
        'description: A description that is long enough to pass the fifty character minimum.',
        'author: ada-fixture',
        'date: 2026-12-03T07:00:00-05:00',
        'updated: 2026-12-04',
        'tags: [stretching, golf]',
        'citations:',
        '  - authors:',
        '      - Crane, J. D.',
        '    year: 2012',
        '    title: A study',
        '    container: A journal',
        '    volume: 4',
        '    issue: 4a',
        '    doi: 10.1/x',
        '---',
        '',
        'The text.',
        '',
      ].join('\n'),
    );
  });

  it('quotes text only where YAML needs it, in double quotes', () => {
    const text = formatMarkdownEntry(
      { title: 'Massage: what one study found', description: '"Quoted" start', tags: ['a'], body: 'x' },
      posts,
    );
    expect(text).toContain('title: "Massage: what one study found"\n');
    expect(text).toContain(`description: '"Quoted" start'\n`);
  });
});

describe('dates between the file and the date picker', () => {
  it('hands the picker a bare day as the studio midnight, with that day’s offset', () => {
    expect(dateForPicker('2026-12-03', TZ)).toBe('2026-12-03T00:00:00-05:00');
    expect(dateForPicker('2026-07-04', TZ)).toBe('2026-07-04T00:00:00-04:00');
    expect(dateForPicker('2026-07-04T07:00:00-04:00', TZ)).toBe('2026-07-04T07:00:00-04:00');
  });

  it('writes the studio midnight as the day, any other moment with the studio offset, and leaves a non-date for the check to name', () => {
    expect(dateForFile('2026-12-03T00:00:00-05:00', TZ)).toBe('2026-12-03');
    expect(dateForFile('2026-12-03T05:00:00Z', TZ)).toBe('2026-12-03');
    expect(dateForFile('2026-07-04T11:00:00.000Z', TZ)).toBe('2026-07-04T07:00:00-04:00');
    expect(dateForFile('2026-12-03', TZ)).toBe('2026-12-03');
    expect(dateForFile('next tuesday', TZ)).toBe('next tuesday');
    for (const text of ['2026-12-03', '2026-11-20T09:00:00-05:00', '2026-07-04T07:00:00-04:00']) {
      expect(dateForFile(dateForPicker(text, TZ), TZ)).toBe(text);
    }
  });
});
