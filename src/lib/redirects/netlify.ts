/**
 * `_redirects` for Netlify and Cloudflare Pages: one `from to 301` a line, in
 * the build output's root. Both hosts answer with a real 301.
 *
 * Cloudflare applies these rules even where a file exists. Netlify lets an
 * existing file win ("shadowing") unless the code ends in `!`, so when the
 * static redirect pages are deployed too, Netlify needs `force`.
 */
import { slashVariants, type Redirect } from './redirects.ts';

/** Cloudflare Pages takes at most this many static redirects (Netlify has no published limit). */
export const CLOUDFLARE_STATIC_REDIRECTS_MAX = 2000;

/** The `from to code` rules, one per path form: what the host counts against its limit. */
export function netlifyRules(redirects: readonly Redirect[], opts: { force?: boolean } = {}): string[] {
  const code = opts.force ? '301!' : '301';
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const r of redirects) {
    // Both hosts match the path as written; list the form with and without the final slash.
    for (const from of slashVariants(r.from)) {
      if (seen.has(from)) continue;
      seen.add(from);
      rules.push(`${from} ${r.to} ${code}`);
    }
  }
  return rules;
}

export function netlifyRedirects(redirects: readonly Redirect[], opts: { force?: boolean } = {}): string {
  const lines = [
    '# Old addresses of posts, forwarded to where they are now. Written by the build; do not edit.',
    ...netlifyRules(redirects, opts),
  ];
  return `${lines.join('\n')}\n`;
}
