/**
 * Reading time from the Markdown body.
 *
 * 238 words a minute: the average silent reading rate for non-fiction in
 * English found by Brysbaert (2019), a meta-analysis of 190 studies
 * (Journal of Memory and Language, 109, 104047, doi 10.1016/j.jml.2019.104047).
 * The popular 200 wpm figure is older and overstates the minutes; 238 matches
 * what the studio's old site showed for its posts.
 */
export const WORDS_PER_MINUTE = 238;

/** Strip what a reader does not read: code, markup, link targets, MDX imports. */
export function readableText(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n?/, '') // frontmatter, if the caller left it in
    .replace(/^\s*(import|export)\s.*$/gm, '') // MDX module lines
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ') // images are looked at, not read
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // keep link text, drop the address
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ') // reference definitions
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

export function countWords(markdown: string): number {
  const words = readableText(markdown).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, rounded up, never below 1. */
export function readingMinutes(markdown: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.ceil(countWords(markdown) / wordsPerMinute));
}
