import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { pruneEmpty, tidyMarkdownSave, tidyYamlSave } from '../../src/lib/editor/tidy-save.ts';
import { AUTHOR_FIELD_ORDER, POST_FIELD_ORDER } from '../../src/editor/schemas.ts';
import { FIXTURES } from '../support/paths.ts';

const POSTS = join(FIXTURES, 'content/posts');
const OPTS = { order: POST_FIELD_ORDER, flowKeys: ['tags', 'previousSlugs'] };

function split(text: string) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
  return { data: parseDocument(m[1]!, { schema: 'core' }).toJS() as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** What Keystatic sends for a post: js-yaml style frontmatter (block lists, folded text, defaults written out). */
function asKeystatic(data: Record<string, unknown>, body: string): string {
  const withDefaults = { citations: [], draft: false, ...data };
  const yaml = stringify(withDefaults, { lineWidth: 80, minContentWidth: 20, collectionStyle: 'block' });
  return `---\n${yaml}---\n${body.replace(/^\n+/, '')}`;
}

const fixturePosts = readdirSync(POSTS).filter((f) => f.endsWith('.md'));

describe('tidying an editor save against the file it replaces', () => {
  it.each(fixturePosts)('%s saved without edits stays byte-for-byte the same', (name) => {
    const original = readFileSync(join(POSTS, name), 'utf8');
    const { data, body } = split(original);
    // The editor re-serialises the body: other bullet and emphasis marks, no blank line after the frontmatter.
    const rewritten = body.replace(/^- /gm, '* ').replace(/\*\*(.+?)\*\*/g, '__$1__');
    expect(tidyMarkdownSave(asKeystatic(data, rewritten), original, OPTS)).toBe(original);
  });

  it('changes only the edited line and keeps a flow list a flow list', () => {
    const original = readFileSync(join(POSTS, '2026-11-20-renamed-in-file.md'), 'utf8');
    const { data, body } = split(original);
    const out = tidyMarkdownSave(asKeystatic({ ...data, title: 'A new title', tags: ['recovery', 'stretching'] }, body), original, OPTS);
    expect(out).toBe(
      original.replace('title: Fixture post with its own slug', 'title: A new title').replace('tags: [recovery]', 'tags: [recovery, stretching]'),
    );
  });

  it('removes a field the writer emptied and places a new one in schema order', () => {
    const original = readFileSync(join(POSTS, '2026-11-20-renamed-in-file.md'), 'utf8');
    const { data, body } = split(original);
    const { readTime: _gone, ...rest } = data;
    const out = tidyMarkdownSave(asKeystatic({ ...rest, updated: '2026-11-22', canonical: '' }, body), original, OPTS);
    expect(Object.keys(split(out).data)).toEqual(['title', 'description', 'author', 'date', 'updated', 'slug', 'tags']);
    expect(out).toContain('date: 2026-11-20\nupdated: 2026-11-22\n');
  });

  it('keeps a new body when its meaning changed', () => {
    const original = readFileSync(join(POSTS, '2026-11-15-fixture-hero-image.md'), 'utf8');
    const { data, body } = split(original);
    const out = tidyMarkdownSave(asKeystatic(data, `${body.trim()} One more sentence.\n`), original, OPTS);
    expect(out).toContain('And some text after it. One more sentence.\n');
    expect(out.startsWith(original.slice(0, original.indexOf('---\n', 4) + 4))).toBe(true);
  });

  it('writes a new post the way docs/writing.md shows one', () => {
    const incoming = asKeystatic(
      {
        title: 'Breathing before a stretch',
        description: 'Three slow breaths before a table-top stretch help your muscles let go. Here is how to do them.',
        author: 'ada-fixture',
        date: '2026-12-01',
        tags: ['stretching', 'breathing'],
        canonical: '',
      },
      'Breathe in for four counts.\n',
    );
    expect(tidyMarkdownSave(incoming, undefined, OPTS)).toBe(
      [
        '---',
        'title: Breathing before a stretch',
        'description: Three slow breaths before a table-top stretch help your muscles let go. Here is how to do them.',
        'author: ada-fixture',
        'date: 2026-12-01',
        'tags: [stretching, breathing]',
        '---',
        '',
        'Breathe in for four counts.',
        '',
      ].join('\n'),
    );
  });

  it('tidies author files the same way', () => {
    const original = 'name: Ada Fixture\nrole: Test therapist\nbio: Ada writes the fixture posts that exercise every rule.\n';
    const data = parseDocument(original).toJS();
    expect(tidyYamlSave(stringify({ ...data, links: [] }), original, { order: AUTHOR_FIELD_ORDER })).toBe(original);
    expect(tidyYamlSave(stringify({ ...data, role: 'Therapist' }), original, { order: AUTHOR_FIELD_ORDER })).toBe(original.replace('Test therapist', 'Therapist'));
  });

  it('prunes what an empty form leaves behind, but keeps defaults the file had', () => {
    expect(pruneEmpty({ a: '', b: null, c: {}, d: [], e: false, f: 'x', g: [{ h: '', i: 1 }] }, {})).toEqual({ f: 'x', g: [{ i: 1 }] });
    expect(pruneEmpty({ draft: false, citations: [] }, { draft: true, citations: [] })).toEqual({ draft: false, citations: [] });
  });
});

describe('tidying a post made by `npm run new`', () => {
  const scaffold = [
    '---',
    'title: Breathing before a stretch',
    'description: "✎ Replace with one or two sentences that sum up the post for search results and feeds."',
    'author: ada-fixture',
    'date: 2026-12-03',
    'tags: [stretching]',
    '# Optional: to use one of these, remove the "# " at the start of its lines and change the example.',
    '# readTime: 4  # Minutes to read, only to override the computed figure.',
    '# slug:  # The address of the post; by default the file name without its date.',
    '---',
    '',
    '<!--',
    '  Write your post below, replacing every line that starts with ✎, then delete this note.',
    '-->',
    '',
    '✎ Start with two or three sentences.',
    '',
  ].join('\n');

  it('changes the edited field alone, keeping the commented-out fields and the note as they were', () => {
    const { data, body } = split(scaffold);
    const description = 'Three slow breaths before a table-top stretch help your muscles let go. Here is how.';
    const reindented = body.replace('  Write your post', 'Write your post');
    const out = tidyMarkdownSave(asKeystatic({ ...data, description }, reindented), scaffold, OPTS);
    expect(out).toBe(scaffold.replace(/^description: .*$/m, `description: ${description}`));
  });
});
