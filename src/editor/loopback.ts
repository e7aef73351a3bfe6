/**
 * The editor writes files, so it answers only to this computer, even if someone
 * starts the dev server with `--host` to preview on a phone.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export const NOT_LOOPBACK_MESSAGE = 'The editor only opens on the computer running `npm run dev` (http://127.0.0.1:4321/keystatic/).';
