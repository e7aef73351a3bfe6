/**
 * Old addresses that must never reach the build's output as written: paths no
 * host can serve (control characters, a lone %), and paths that would replace a
 * file the build made (the home page). And the host rule files' limits.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { hostLimitWarnings } from '../../src/lib/redirects/host-limits.ts';
import { redirectPathProblem } from '../../src/schema/post.ts';
import { writeRedirects } from '../../src/integrations/steps/redirects.ts';
import { VALID_FRONTMATTER, checkOne } from './support/temp-content.ts';

const SITE = { url: 'https://www.myrituals.me', base: '/', lang: 'en-US' };

describe('an old address in redirectFrom', () => {
  it.each([
    [
      '/post/a%00b',
      '"/post/a%00b" has an invisible control character (written as a % escape), which no address can hold; retype the address',
    ],
    [
      '/post/a%0Ab',
      '"/post/a%0Ab" has an invisible control character (written as a % escape), which no address can hold; retype the address',
    ],
    [
      '/post/a%C2%85b',
      '"/post/a%C2%85b" has an invisible control character (written as a % escape), which no address can hold; retype the address',
    ],
    ['/post/a\u0007b', '"/post/a\u0007b" has an invisible control character, which no address can hold; retype the address'],
    [
      '/post/50%-off',
      '"/post/50%-off" has a % that is not part of an escape like %20; copy the old address exactly as the browser shows it (a % sign itself is written %25)',
    ],
    [
      '/post/%E9t%E9',
      '"/post/%E9t%E9" has a % that is not part of an escape like %20; copy the old address exactly as the browser shows it (a % sign itself is written %25)',
    ],
    [
      '/post/../tags/',
      '"/post/../tags/" has a . or .. part, which browsers remove before asking; write the path as the browser shows it after you open it',
    ],
    [
      '/post/%2E%2E/x',
      '"/post/%2E%2E/x" has a . or .. part, which browsers remove before asking; write the path as the browser shows it after you open it',
    ],
  ])('%j is refused', (path, message) => {
    expect(redirectPathProblem(path)).toBe(message);
  });

  it.each(['/post/massage-after-exercise', '/post/caf%C3%A9', '/post/50%25-off', '/2019/05/post.html', '/post/a.b'])(
    '%j is a path a host can serve',
    (path) => {
      expect(redirectPathProblem(path)).toBeUndefined();
    },
  );

  it('the home page file, in any case, is refused by npm run check', () => {
    const report = checkOne(`${VALID_FRONTMATTER}\nredirectFrom: [/index.html, /Index.htm]`);
    expect(report.problems.map(formatProblem)).toEqual([
      'posts/2026-11-20-the-post.md:7  redirectFrom #1  "/index.html" is an address of this site (the home page); a redirect there would hide that page. Remove it, or list the address the post had on the old site',
      'posts/2026-11-20-the-post.md:7  redirectFrom #2  "/Index.htm" is an address of this site (the home page); a redirect there would hide that page. Remove it, or list the address the post had on the old site',
    ]);
  });
});

function outputWith(files: Record<string, string>): { outDir: string; deployDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'redirects-out-'));
  const outDir = join(dir, 'dist');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(outDir, path, '..'), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  mkdirSync(outDir, { recursive: true });
  return { outDir, deployDir: join(dir, 'dist-deploy') };
}

describe('writeRedirects', () => {
  it('refuses to replace a file the build wrote, and leaves it as it was', async () => {
    const { outDir, deployDir } = outputWith({ 'index.html': '<!doctype html><title>Home</title>' });
    await expect(writeRedirects([{ slug: 'a', redirectFrom: ['/index.html'] }], SITE, outDir, deployDir)).rejects.toThrow(
      'The redirect page for /index.html would replace index.html, which the build wrote',
    );
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('<!doctype html><title>Home</title>');
  });

  it('refuses a path that runs through a file the build wrote', async () => {
    const { outDir, deployDir } = outputWith({ 'feed-icon.png': 'png' });
    await expect(writeRedirects([{ slug: 'a', redirectFrom: ['/feed-icon.png/x'] }], SITE, outDir, deployDir)).rejects.toThrow(
      'The redirect page for /feed-icon.png/x would replace feed-icon.png/x/index.html, which the build wrote',
    );
  });

  it("writes over a previous build's redirect page at the same address", async () => {
    const { outDir, deployDir } = outputWith({});
    await writeRedirects([{ slug: 'a', redirectFrom: ['/post/old'] }], SITE, outDir, deployDir);
    const written = await writeRedirects([{ slug: 'b', redirectFrom: ['/post/old'] }], SITE, outDir, deployDir);
    expect(written).toMatchObject({ redirects: 1, pages: 1, warnings: [] });
    expect(readFileSync(join(outDir, 'post/old/index.html'), 'utf8')).toContain('https://www.myrituals.me/posts/b/');
    expect(existsSync(join(deployDir, 's3-routing-rules.json'))).toBe(true);
  });

  it('warns when a host rule file is past what the host takes', async () => {
    const { outDir, deployDir } = outputWith({});
    const posts = Array.from({ length: 51 }, (_, i) => ({ slug: `post-${i}`, redirectFrom: [`/post/old-${i}`] }));
    const written = await writeRedirects(posts, SITE, outDir, deployDir);
    expect(written.warnings).toEqual([
      's3-routing-rules.json has 51 rules, and an S3 website takes at most 50: do not paste it into the bucket (S3 would refuse the whole configuration). The redirect pages in the output still forward every old address; for real 301s, serve the bucket through CloudFront and redirect there (a CloudFront Function with the map in api/v1/redirects.json), see docs/publishing.md',
    ]);
  });
});

describe('host limits', () => {
  it('say nothing at the limits and name the file, the count and the way out past them', () => {
    expect(hostLimitWarnings({ s3Rules: 50, redirectsFileRules: 2000 })).toEqual([]);
    const [cloudflare] = hostLimitWarnings({ s3Rules: 3, redirectsFileRules: 2001 });
    expect(cloudflare).toBe(
      '_redirects has 2001 rules, and Cloudflare Pages takes at most 2000: on Cloudflare, do not count on the rules past that (the redirect pages still forward those addresses, without a real 301). Move the old addresses into a Cloudflare Bulk Redirect list (it takes the same from/to pairs, from api/v1/redirects.json), see docs/publishing.md; Netlify has no such limit',
    );
  });
});
