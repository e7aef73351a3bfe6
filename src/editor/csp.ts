/**
 * The editor page's Content-Security-Policy: scripts, styles, pictures and API
 * calls from this dev server only (plus its hot-reload socket), so no font,
 * script or tracker from elsewhere can load while a marketer writes.
 */
export const EDITOR_CSP = [
  "default-src 'self'",
  // Vite's dev client and Keystatic's CSS-in-JS use inline code.
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline' data:",
  "img-src 'self' data: blob:",
  // The Markdown editor runs a worker from a blob: URL.
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "frame-ancestors 'none'",
].join('; ');
