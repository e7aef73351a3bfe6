/**
 * What `npm run new` puts in a new post besides the frontmatter: prompts that
 * tell the writer what goes where. Every prompt starts with the ✎ mark, so the
 * content check can tell a finished post from one that still has prompts in it.
 */
export const PLACEHOLDER_MARK = '✎';

export const PLACEHOLDER_DESCRIPTION = `${PLACEHOLDER_MARK} Replace with one or two sentences that sum up the post for search results and feeds.`;

export function placeholderBody(): string {
  return `<!--
  Write your post below, replacing every line that starts with ${PLACEHOLDER_MARK}, then delete this note.
  Preview it: npm run dev, then open http://127.0.0.1:4321/ (a scheduled post shows a badge there).
  Check it:   npm run check   (lists anything to fix, with the line number)
-->

${PLACEHOLDER_MARK} Start with two or three sentences that tell readers what they will get from this post.

## ${PLACEHOLDER_MARK} A heading for your first point

${PLACEHOLDER_MARK} Explain it in plain words. Short paragraphs read best on phones.

## ${PLACEHOLDER_MARK} A heading for your second point

${PLACEHOLDER_MARK} If you mention a study, add it under \`citations:\` above (\`npm run cite -- <its DOI>\` writes the entry) and cite it after the sentence, like \`[@crane2012]\`.
`;
}
