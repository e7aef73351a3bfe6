/** content/citations.lock.json: stable on disk, written whole or not at all, and its problems explained. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLock, readLock, serialiseLock, writeLock, type CitationLock } from '../../src/lib/citations/lock.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { makeContent, post, VALID_FRONTMATTER } from './support/temp-content.ts';

const LOCK: CitationLock = {
  entries: {
    'pmid:22301554': { status: 'not-found' },
    'doi:10.1126/x.1': {
      status: 'found',
      record: {
        years: [2012],
        title: 'T',
        source: 'crossref',
        id: '10.1126/x.1',
        containers: ['J'],
        authors: [{ given: 'A.', family: 'B' }],
      },
    },
  },
};

describe('the citation lock', () => {
  it('is written with sorted keys, two-space indents and a final newline, whatever order it was built in', () => {
    const text = serialiseLock(LOCK);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).entries)).toEqual(['doi:10.1126/x.1', 'pmid:22301554']);
    expect(text).toContain('\n      "record": {\n        "authors": [\n          {\n            "family": "B",\n            "given": "A."');
    const reversed: CitationLock = { entries: Object.fromEntries(Object.entries(LOCK.entries).reverse()) };
    expect(serialiseLock(reversed)).toBe(text);
  });

  it('is replaced through a temporary file, and left untouched when nothing changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    expect(writeLock(dir, LOCK)).toBe(true);
    expect(writeLock(dir, LOCK)).toBe(false);
    expect(readdirSync(dir)).toEqual(['citations.lock.json']);
    expect(readFileSync(join(dir, 'citations.lock.json'), 'utf8')).toBe(serialiseLock(LOCK));
    expect(readLock(dir)).toEqual({ ok: true, lock: LOCK });
  });

  it('counts a missing file as empty', () => {
    expect(readLock(mkdtempSync(join(tmpdir(), 'lock-')))).toEqual({ ok: true, lock: { entries: {} } });
  });

  it('explains a merge conflict, broken JSON and a file of another kind, with the line', () => {
    const conflicted = serialiseLock(LOCK).replace(
      '  "version": 1,\n',
      '<<<<<<< HEAD\n  "version": 1,\n=======\n  "version": 1,\n>>>>>>> other\n',
    );
    expect(parseLock(conflicted)).toEqual({
      ok: false,
      line: 3,
      message: 'has merge conflict markers; run `npm run check -- --online` to write it afresh from the posts',
    });
    const broken = parseLock('{\n  "version": 1,\n  "entries": {,}\n}\n');
    expect(broken).toMatchObject({
      ok: false,
      line: 3,
      message: 'is not valid JSON; run `npm run check -- --online` to write it afresh, or restore it from git',
    });
    expect(parseLock('{"entries": []}')).toEqual({
      ok: false,
      line: 1,
      message: 'is not a citation lock file (version 1 with "entries"); run `npm run check -- --online` to write it afresh',
    });
  });

  it('turns a broken lock into one error naming the lock file, not one per post', () => {
    const cite =
      '\ncitations:\n  - authors: ["Crane, J. D."]\n    year: 2012\n    title: A title\n    container: A journal\n    doi: 10.1126/x.1';
    const dir = makeContent({
      'posts/2026-11-20-one.md': post(VALID_FRONTMATTER + cite, 'Text [@crane2012].\n'),
      'posts/2026-11-21-two.md': post(VALID_FRONTMATTER.replace('2026-11-20', '2026-11-21') + cite, 'Text [@crane2012].\n'),
    });
    writeFileSync(join(dir, 'citations.lock.json'), '{ not json');
    const report = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: new Date('2026-11-27T12:00:00-05:00') });
    expect(report.problems.map(formatProblem).filter((p) => p.startsWith('citations.lock.json'))).toEqual([
      'citations.lock.json:1  is not valid JSON; run `npm run check -- --online` to write it afresh, or restore it from git',
    ]);
  });
});
