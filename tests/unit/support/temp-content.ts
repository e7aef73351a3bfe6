/** Small content folders in a temp dir, for checking rules the way the build sees files. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readContent } from '../../../src/lib/content/read-content.ts';
import { FIXTURE_NOW } from '../../support/paths.ts';

export const VALID_AUTHOR = 'name: Ada Fixture\nrole: Test therapist\nbio: Ada writes the fixture posts that exercise every rule.\n';

export const VALID_FRONTMATTER = `title: A valid post
description: A description long enough to pass the fifty character minimum for summaries.
author: ada-fixture
date: 2026-11-20
tags: [massage, recovery]`;

/**
 * The smallest picture the build can read: a JPEG's first bytes up to its size
 * (16 × 16). The check reads a picture's kind and size from its header, as the
 * build does, so a stand-in picture must have one.
 */
export const PICTURE = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108001000100301220002110103110100', 'hex');

export function makeContent(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'blog-content-'));
  const all = { 'authors/ada-fixture.yaml': VALID_AUTHOR, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function post(frontmatter: string, body = 'Some body text for the post.\n'): string {
  return `---\n${frontmatter}\n---\n\n${body}`;
}

/** Read a content folder as `npm run check` and the build do, at the fixtures' "now". */
export function readFolder(dir: string, now = new Date(FIXTURE_NOW)) {
  return readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now });
}

/** Check one post file (plus the valid author) and return what a person would read. */
export function checkOne(frontmatter: string, body?: string) {
  return readFolder(makeContent({ 'posts/2026-11-20-the-post.md': post(frontmatter, body) }));
}
