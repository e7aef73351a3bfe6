/**
 * The Content-Security-Policy every page carries (Astro's `security.csp`, as a
 * <meta> tag). Astro adds `script-src` and `style-src` with the hash of each
 * inline script and style it emits; these directives close everything else:
 * no request may leave the site's own origin (no web fonts, analytics or embeds
 * from elsewhere), no plugins, no <base> tricks, forms post only to the site.
 * Links to other sites are navigation, not requests, and stay allowed.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** What the search page adds: Pagefind runs its index as WebAssembly, which needs this keyword. */
export const SEARCH_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

export function cspConfig() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...CSP_DIRECTIVES],
  };
}
