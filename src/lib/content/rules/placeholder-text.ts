/**
 * A post made with `npm run new` starts with prompts marked ✎ (and an imported
 * one has them where the old blog left something out). Left in a post
 * that is live (or goes live with this build) they would be published, so that
 * is an error; in a draft or a post scheduled later it is a reminder.
 */
import { PLACEHOLDER_MARK } from '../../authoring/template.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';
import { dueAt } from './when.ts';

export const placeholderText: PostRule = {
  id: 'placeholder-text',
  check(post, ctx) {
    const due = dueAt(post, ctx.now) === true;
    const severity = due ? 'error' : 'warning';
    const out: Problem[] = [];
    const description = (post.source.data as { description?: unknown }).description;
    if (typeof description === 'string' && description.includes(PLACEHOLDER_MARK)) {
      const fix = 'write one or two sentences that sum up the post';
      const message = due ? `${fix}. This post is due, so the prompt would be published` : `${fix} before it goes live`;
      out.push(problemAt(post, post.source.lineOf(['description']), 'description', `is still the prompt from \`npm run new\`; ${message}`, severity));
    }
    // The import writes a prompt where an old picture had no alt text.
    const alt = (post.source.data as { image?: { alt?: unknown } }).image?.alt;
    if (typeof alt === 'string' && alt.includes(PLACEHOLDER_MARK)) {
      const when = due ? '. This post is due, so the prompt would be published' : ' before the post goes live';
      out.push(problemAt(post, post.source.lineOf(['image', 'alt']), 'image → alt', `is still a prompt; describe what the picture shows${when}`, severity));
    }
    const lines = scanBody(post).lines.filter((l) => l.text.includes(PLACEHOLDER_MARK));
    if (lines.length) {
      const one = lines.length === 1;
      const count = one ? 'a line' : `${lines.length} lines`;
      const [it, they] = one ? ['it', 'it'] : ['them', 'they'];
      const message = due ? `replace ${it} with your text. This post is due, so ${they} would be published` : `replace ${it} with your text before the post goes live`;
      out.push(problemAt(post, bodyLineNumber(post, lines[0]!.index), 'body', `still has ${count} starting with ${PLACEHOLDER_MARK} from \`npm run new\`; ${message}`, severity));
    }
    return out;
  },
};
