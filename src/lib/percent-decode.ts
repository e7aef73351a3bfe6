/**
 * Percent-decoding that never throws. `decodeURIComponent` gives up on the
 * whole text at the first `%` that is not an escape (`50%-off.jpg`), but a
 * Markdown path or a link is written by a person, for whom a lone `%` is just
 * a sign. Here each run of valid escapes is decoded and everything else is
 * kept as written.
 */
export function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // Escapes that are not UTF-8 (%C3 alone, %FF): keep them as written.
      return run;
    }
  });
}

/** Whether `decodeURIComponent` would refuse the text (a lone `%`, or escapes that are not UTF-8). */
export function hasUndecodablePercent(text: string): boolean {
  try {
    decodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}
