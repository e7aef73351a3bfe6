/** src/lib/post-html-cache.ts: rendered post bodies on disk, one file per key. */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlCacheKey, openHtmlCache, postHtmlDir, sourceDigest } from '../../src/lib/post-html-cache.ts';

const tempCache = () => openHtmlCache(postHtmlDir(mkdtempSync(join(tmpdir(), 'blog-astro-cache-'))));

describe('the post HTML cache', () => {
  it('gives back what was written under a key, and nothing for a key never written', () => {
    const cache = tempCache();
    expect(cache.read('a')).toBeUndefined();
    expect(cache.keys()).toEqual(new Set());
    cache.write('a', '<p>Warm stones — and oil.</p>\n');
    cache.write('b', '');
    expect(cache.read('a')).toBe('<p>Warm stones — and oil.</p>\n');
    expect(cache.read('b')).toBe('');
    expect(cache.keys()).toEqual(new Set(['a', 'b']));
  });

  it('replaces a body whole and leaves no temporary file behind', () => {
    const cache = tempCache();
    cache.write('a', '<p>First.</p>');
    cache.write('a', '<p>Second.</p>');
    expect(cache.read('a')).toBe('<p>Second.</p>');
    expect(readdirSync(cache.dir)).toEqual(['a.html']);
  });

  it('prunes every body not kept, and what a killed build left under a temporary name', () => {
    const cache = tempCache();
    for (const key of ['kept', 'gone', 'also-gone']) cache.write(key, `<p>${key}</p>`);
    writeFileSync(join(cache.dir, 'half.0f1e.tmp'), '<p>half a bo');
    expect(cache.prune(new Set(['kept', 'never-written']))).toBe(3);
    expect(readdirSync(cache.dir)).toEqual(['kept.html']);
    expect(cache.read('kept')).toBe('<p>kept</p>');
  });

  it('prunes a cache that was never written without failing', () => {
    expect(tempCache().prune(new Set())).toBe(0);
  });

  it('names a body by all of its parts', () => {
    const parts = { file: 'posts/a.md', text: 'sha-of-text', markdown: 'sha-of-setup' };
    const key = htmlCacheKey(parts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(htmlCacheKey({ ...parts })).toBe(key);
    expect(htmlCacheKey({ ...parts, text: 'sha-of-other-text' })).not.toBe(key);
    expect(htmlCacheKey({ ...parts, file: 'posts/b.md' })).not.toBe(key);
    expect(htmlCacheKey({ ...parts, markdown: 'sha-of-other-setup' })).not.toBe(key);
  });
});

describe('the digest of the code Markdown plugins come from', () => {
  it('changes when a helper deep in a folder changes, or a file is added or renamed, and only then', () => {
    const root = mkdtempSync(join(tmpdir(), 'blog-plugin-code-'));
    mkdirSync(join(root, 'lib/content'), { recursive: true });
    writeFileSync(join(root, 'config.mjs'), 'export default {};\n');
    writeFileSync(join(root, 'lib/content/decode.ts'), 'export const decode = (s: string) => s;\n');
    const digest = () => sourceDigest(root, ['config.mjs', 'lib', 'not-there']);
    const first = digest();
    expect(digest()).toBe(first);

    writeFileSync(join(root, 'lib/content/decode.ts'), 'export const decode = (s: string) => decodeURI(s);\n');
    const edited = digest();
    expect(edited).not.toBe(first);

    writeFileSync(join(root, 'lib/content/more.ts'), '');
    const added = digest();
    expect(added).not.toBe(edited);

    renameSync(join(root, 'lib/content/more.ts'), join(root, 'lib/content/other.ts'));
    expect(digest()).not.toBe(added);
  });
});
