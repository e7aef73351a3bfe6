/** The editor's save endpoint on a temp content folder: tidy, write, check, undo. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import config from '../../src/editor/keystatic.config.ts';
import { editorApi } from '../../src/editor/save.ts';
import { VALID_FRONTMATTER, makeContent, post } from './support/temp-content.ts';

const ORIGINAL = post(VALID_FRONTMATTER);

/** A post as Keystatic sends it: js-yaml style frontmatter with defaults written out. */
function keystaticPost(extra: Record<string, unknown> = {}): string {
  const data = {
    title: 'A valid post',
    description: 'A description long enough to pass the fifty character minimum for summaries.',
    author: 'ada-fixture',
    date: '2026-11-20',
    citations: [],
    tags: ['massage', 'recovery'],
    draft: false,
    ...extra,
  };
  return `---\n${stringify(data, { lineWidth: 80 })}---\nSome body text for the post.\n`;
}

function update(dir: string, additions: Record<string, string>, deletions: string[] = []) {
  const api = editorApi({ config, contentDir: dir, timeZone: 'America/New_York' });
  return api(
    new Request('http://127.0.0.1:4321/api/keystatic/update', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'no-cors': '1' },
      body: JSON.stringify({
        additions: Object.entries(additions).map(([path, text]) => ({ path, contents: Buffer.from(text).toString('base64url') })),
        deletions: deletions.map((path) => ({ path })),
      }),
    }),
  );
}

describe('the editor save endpoint', () => {
  it('writes an unchanged post back byte for byte', async () => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.md': ORIGINAL });
    const res = await update(dir, { 'posts/2026-11-20-the-post.md': keystaticPost() });
    expect(res.status).toBe(200);
    expect(readFileSync(join(dir, 'posts/2026-11-20-the-post.md'), 'utf8')).toBe(ORIGINAL);
  });

  it('tidies a renamed post against the file it was renamed from', async () => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.md': ORIGINAL });
    const res = await update(dir, { 'posts/2026-11-21-new-name.md': keystaticPost() }, ['posts/2026-11-20-the-post.md']);
    expect(res.status).toBe(200);
    expect(existsSync(join(dir, 'posts/2026-11-20-the-post.md'))).toBe(false);
    expect(readFileSync(join(dir, 'posts/2026-11-21-new-name.md'), 'utf8')).toBe(ORIGINAL);
  });

  it('never deletes a picture it did not upload', async () => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.md': ORIGINAL, 'posts/images/body.jpg': 'jpeg' });
    const res = await update(dir, { 'posts/2026-11-20-the-post.md': keystaticPost() }, ['posts/images/body.jpg', 'posts/2026-11-20-the-post/body/./images/body.jpg']);
    expect(res.status).toBe(200);
    expect(existsSync(join(dir, 'posts/images/body.jpg'))).toBe(true);
  });

  it("undoes a save the content check rejects and answers with the check's message", async () => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.md': ORIGINAL });
    const res = await update(dir, { 'posts/2026-11-20-the-post.md': keystaticPost({ updated: '2026-11-01' }) });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/^Not saved[\s\S]*posts\/2026-11-20-the-post\.md:\d+ {2}updated {2}is before `date`/);
    expect(readFileSync(join(dir, 'posts/2026-11-20-the-post.md'), 'utf8')).toBe(ORIGINAL);

    const added = await update(dir, { 'posts/2026-11-22-another.md': keystaticPost({ title: 'Another', author: 'nobody' }) });
    expect(added.status).toBe(422);
    expect(await added.text()).toContain('"nobody" is not an author');
    expect(existsSync(join(dir, 'posts/2026-11-22-another.md'))).toBe(false);
  });

  it('refuses paths outside the content folder', async () => {
    const dir = makeContent({});
    const res = await update(dir, { 'posts/../../evil.md': keystaticPost() });
    expect(res.status).toBe(400);
    expect(existsSync(join(dir, '../evil.md'))).toBe(false);
  });
});
