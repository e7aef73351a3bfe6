/**
 * Held-back posts in the words the job summary and the issue share: which ones
 * readers are missing now, which will be missed when their date comes, and
 * each with the lines `npm run check` prints for it.
 */
import { isAbsolute } from 'node:path';
import { formatReport } from '../../../src/lib/content/problems.ts';
import type { HeldBack } from './records.ts';
import { code, escapeMarkdown, fence, when } from './words.ts';

/** Links into the repository on GitHub, when the run knows where it is. */
export interface RepoLinks {
  /** https://github.com/owner/name */
  repoUrl?: string | undefined;
  /** The branch the run published from: files are edited there. */
  branch?: string | undefined;
  /** This run's page. */
  runUrl?: string | undefined;
  /** The workflow's page, listing its runs. */
  workflowUrl?: string | undefined;
}

/** due: readers should see it and do not; scheduled: not due yet; draft: not meant to be out. */
export type HeldBackState = 'due' | 'scheduled' | 'draft';

export function heldBackState(post: HeldBack, now: Date): HeldBackState {
  if (post.draft) return 'draft';
  // A date that cannot be read may well be past: treat the post as missed.
  if (!post.date) return 'due';
  return Date.parse(post.date) <= now.getTime() ? 'due' : 'scheduled';
}

export function groupHeldBack(posts: readonly HeldBack[], now: Date): Record<HeldBackState, HeldBack[]> {
  const groups: Record<HeldBackState, HeldBack[]> = { due: [], scheduled: [], draft: [] };
  for (const post of posts) groups[heldBackState(post, now)].push(post);
  return groups;
}

/** The post's name as a heading or a list shows it. */
export function postName(post: HeldBack): string {
  return post.title ? escapeMarkdown(post.title) : code(post.slug);
}

function dateWords(post: HeldBack, state: HeldBackState, timeZone: string): string {
  if (!post.date) return 'date not known until it is fixed';
  const at = when(new Date(post.date), timeZone);
  if (state === 'due') return `was due ${at}`;
  return state === 'draft' ? `draft, dated ${at}` : `due ${at}`;
}

/** One Markdown line about the post: its file, its date and where to edit it. */
export function postLine(post: HeldBack, state: HeldBackState, timeZone: string, links: RepoLinks): string {
  const parts = [code(post.file), dateWords(post, state, timeZone)];
  // An absolute path (CONTENT_DIR outside the checkout) has no place in the repository.
  if (links.repoUrl && links.branch && !isAbsolute(post.file))
    parts.push(`[edit it on GitHub](${links.repoUrl}/edit/${links.branch}/${encodeURI(post.file)})`);
  return parts.join(' · ');
}

/** A heading, the post's line, and its problems exactly as `npm run check` lists them. */
export function postBlock(post: HeldBack, state: HeldBackState, timeZone: string, links: RepoLinks, level = '###'): string {
  return `${level} ${postName(post)}\n\n${postLine(post, state, timeZone, links)}\n\n${fence(formatReport(post.problems))}`;
}
