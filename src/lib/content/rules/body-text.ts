/**
 * What several rules read from a post's body, read once and shared: its
 * `[@key]` markers and its paragraphs; and whether an evidence problem is an
 * error yet. As with leftover prompts, a problem in a post that
 * is live or goes live with this build is an error; in a draft or a post
 * scheduled later it is a warning, so one unfinished draft never stops the
 * hourly publishing of everything else.
 */
import { findCitationMarkers, type LineMarker } from '../../citations/markers.ts';
import type { CheckedPost } from '../types.ts';
import { paragraphs, type Paragraph } from '../paragraphs.ts';
import type { Severity } from '../types.ts';
import { scanBody, type RuleContext } from './rule.ts';
import { dueAt } from './when.ts';

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

const paragraphCache = new WeakMap<CheckedPost, Paragraph[]>();

/** The body's paragraphs, read once for the rules that look at sentences (study years, claims). */
export function bodyParagraphs(post: CheckedPost): Paragraph[] {
  let found = paragraphCache.get(post);
  if (!found) {
    found = paragraphs(scanBody(post).lines);
    paragraphCache.set(post, found);
  }
  return found;
}

export function severityFor(post: CheckedPost, ctx: RuleContext): Severity {
  return dueAt(post, ctx.now) === true ? 'error' : 'warning';
}

/** What to add to a message whose fix must come before the post goes live. */
export function untilLive(severity: Severity): string {
  return severity === 'error' ? '' : ' before the post goes live';
}
