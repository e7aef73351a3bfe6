/**
 * The page at /admin/ and its Content-Security-Policy. The page is a shell: the
 * editor's script (bundle.ts) builds everything in it. It holds no secret and
 * grants nothing: whoever opens it signs in to GitHub, and GitHub decides what
 * they may read and write.
 *
 * The policy allows the page's own files and GitHub's API, and nothing else
 * from the network but the writer's GitHub photo (docs/editor.md, "Safety",
 * says why each source is there):
 * - scripts from this site only ('wasm-unsafe-eval' lets the packaged picture
 *   decoder turn a phone's HEIC photo into JPEG; no JavaScript eval);
 * - styles from this site, inline and from memory (the CMS sets style
 *   attributes as it draws, and hands the preview pane the site's stylesheet as
 *   a blob: file);
 * - the preview pane sets its base address to this site ('self');
 * - requests to this site (config.yml), to GitHub's API, and to memory (blob:
 *   and data: addresses of pictures and of Sveltia's own logo, read back as
 *   files). Sveltia's check of GitHub's status page is answered in the browser
 *   (src/admin/github-status.ts), so it needs no exception;
 * - pictures from this site, from memory (blob:, data:: pictures read through
 *   the API or just chosen, Sveltia's logo), and GitHub's avatars (the
 *   signed-in writer's photo is the only thing on the button that holds *Sign Out*);
 * - fonts from this site only (Sveltia's own, bundled under /admin/cms/assets/).
 * Every other page keeps the site's own policy (src/lib/csp.ts).
 */
import { escapeHtml } from '../html.ts';

export const GITHUB_API = 'https://api.github.com';
export const GITHUB_AVATARS = 'https://avatars.githubusercontent.com';

export const ADMIN_CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline' blob:",
  `img-src 'self' blob: data: ${GITHUB_AVATARS}`,
  "font-src 'self'",
  `connect-src 'self' blob: data: ${GITHUB_API}`,
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "media-src 'self' blob:",
  "manifest-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
] as const;

export const ADMIN_CSP = ADMIN_CSP_DIRECTIVES.join('; ');

export interface AdminPageOptions {
  title: string;
  lang: string;
  /** The script, relative to the page (`cms/main.js`). */
  script: string;
}

/** The admin page's HTML: the policy, `noindex`, the script; nothing the site's pages share. */
export function adminPageHtml({ title, lang, script }: AdminPageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${ADMIN_CSP}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<script type="module" src="${escapeHtml(script)}"></script>
</head>
<body>
<noscript>The editor needs JavaScript. It is a page for the studio's writers; readers never need it.</noscript>
</body>
</html>
`;
}
