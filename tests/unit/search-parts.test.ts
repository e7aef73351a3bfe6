import { describe, expect, it } from 'vitest';
import { planSearchParts, searchEntryModule, type SearchPartsRecord } from '../../src/lib/search-parts.ts';

const pages = [
  { file: 'posts/b/index.html', part: '2025' },
  { file: 'posts/a/index.html', part: '2026' },
  { file: 'posts/c/index.html', part: '2024' },
  { file: 'posts/d/index.html', part: '2025' },
];
const record: SearchPartsRecord = {
  settings: 's1',
  parts: { '2026': ['posts/a/index.html'], '2025': ['posts/b/index.html', 'posts/d/index.html'], '2024': ['posts/c/index.html'] },
};
const nothingWritten = () => false;

describe('the search index in parts', () => {
  it('has one part a year, newest first, each with its pages in file order', () => {
    expect(planSearchParts(pages, 's1', undefined, nothingWritten)).toEqual([
      { name: '2026', files: ['posts/a/index.html'], reuse: false },
      { name: '2025', files: ['posts/b/index.html', 'posts/d/index.html'], reuse: false },
      { name: '2024', files: ['posts/c/index.html'], reuse: false },
    ]);
  });

  it('keeps every part when nothing was written and nothing moved', () => {
    expect(planSearchParts(pages, 's1', record, nothingWritten).map((p) => p.reuse)).toEqual([true, true, true]);
  });

  it('makes again the part of a page this build wrote, and only that one', () => {
    const plan = planSearchParts(pages, 's1', record, (file) => file === 'posts/d/index.html');
    expect(plan.map((p) => [p.name, p.reuse])).toEqual([
      ['2026', true],
      ['2025', false],
      ['2024', true],
    ]);
  });

  it('makes again a part that lost or gained a page, every part when the settings changed, and none is kept without a record', () => {
    const withoutD = pages.filter((p) => p.file !== 'posts/d/index.html');
    expect(planSearchParts(withoutD, 's1', record, nothingWritten).map((p) => p.reuse)).toEqual([true, false, true]);
    const withE = [...pages, { file: 'posts/e/index.html', part: '2024' }];
    expect(planSearchParts(withE, 's1', record, nothingWritten).map((p) => p.reuse)).toEqual([true, true, false]);
    expect(planSearchParts(pages, 's2', record, nothingWritten).map((p) => p.reuse)).toEqual([false, false, false]);
  });

  it('has one empty part for a site without posts, so search still answers', () => {
    expect(planSearchParts([], 's1', undefined, nothingWritten)).toEqual([{ name: 'all', files: [], reuse: false }]);
  });

  it('loads the newest part and merges the others, relative to its own address', () => {
    const module = searchEntryModule(['2026', '2025', '2024']);
    expect(module).toContain('import(new URL("./2026/pagefind.js", import.meta.url).href)');
    expect(module).toContain('const rest = ["./2025/","./2024/"];');
    expect(module).toMatch(/mergeIndex\(new URL\(part, import\.meta\.url\)\.href, settings\)/);
    expect(module).toMatch(/export const search = /);
    expect(module).toMatch(/export const debouncedSearch = /);
    expect(searchEntryModule(['2026'])).toContain('const rest = [];');
  });
});
