/**
 * What the evidence rules share about one post: its `[@key]` markers (read
 * once from the body the other rules read), its citation keys, and whether a
 * problem is an error yet. As with leftover prompts, a problem in a post that
 * is live or goes live with this build is an error; in a draft or a post
 * scheduled later it is a warning, so one unfinished draft never stops the
 * hourly publishing of everything else.
 */
import { findCitationMarkers, type LineMarker } from '../../citations/markers.ts';
import type { CheckedPost } from '../check-content.ts';
import type { Severity } from '../problems.ts';
import { scanBody, type RuleContext } from './rule.ts';
import { publicAt } from './when.ts';

const markers = new WeakMap<CheckedPost, LineMarker[]>();

export function bodyMarkers(post: CheckedPost): LineMarker[] {
  let found = markers.get(post);
  if (!found) {
    // Most posts cite nothing: skip the scan unless an @ is there at all.
    found = post.source.body.includes('@') ? findCitationMarkers(scanBody(post).lines) : [];
    markers.set(post, found);
  }
  return found;
}

export function severityFor(post: CheckedPost, ctx: RuleContext): Severity {
  return publicAt(post, ctx.now) === true ? 'error' : 'warning';
}

/** What to add to a message whose fix must come before the post goes live. */
export function untilLive(severity: Severity): string {
  return severity === 'error' ? '' : ' before the post goes live';
}
