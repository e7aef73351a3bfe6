/**
 * The static server for browser tests: the same one `npm run check:links`
 * uses (scripts/lib/static-server.ts), serving a built site under its base path.
 */
export { serveDist, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
