/**
 * An nginx `map` from old paths to new ones. Include the file inside `http {}`
 * and answer in the site's `server {}`:
 *
 *     include /etc/nginx/blog-redirects.map;
 *     server { …  if ($blog_redirect) { return 301 $blog_redirect; } }
 *
 * nginx compares against `$uri`, which it has already percent-decoded, so the
 * keys are decoded too.
 */
import { slashVariants, type Redirect } from './redirects.ts';

export const NGINX_MAP_VARIABLE = '$blog_redirect';

/** A double-quoted nginx string: backslashes and quotes escaped; `$` would start a variable. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function nginxRedirectMap(redirects: readonly Redirect[]): string {
  const lines = [
    '# Old addresses of posts, forwarded to where they are now. Written by the build; do not edit.',
    `# In the server block: if (${NGINX_MAP_VARIABLE}) { return 301 ${NGINX_MAP_VARIABLE}; }`,
    `map $uri ${NGINX_MAP_VARIABLE} {`,
    '    default "";',
  ];
  const seen = new Set<string>();
  for (const r of redirects) {
    for (const from of slashVariants(decoded(r.from))) {
      if (seen.has(from)) continue;
      seen.add(from);
      lines.push(`    ${quoted(from)} ${quoted(r.to)};`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
