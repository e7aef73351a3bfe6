/**
 * Health content is checked by someone qualified: `reviewedBy:` names an
 * author whose file lists credentials, `lastReviewed:` says when. A post with
 * one of the research tags (`evidence.researchTags` in src/site.config.ts)
 * without a review, or with one older than `evidence.reviewMaxAgeDays`, gets a
 * warning; a reviewer who is not an author is an error, as the build could not
 * show them.
 */
import { isResearchPost, reviewAgeDays } from '../../evidence/review.ts';
import { calendarDate } from '../../zoned-time.ts';
import type { EvidenceSettings } from '../../../schema/site.ts';
import type { Problem } from '../types.ts';
import { problemAt, type PostRule } from './rule.ts';
import { missingAuthorMessage } from './unknown-author.ts';

export function healthReview(settings: Pick<EvidenceSettings, 'researchTags' | 'reviewMaxAgeDays'>): PostRule {
  return {
    id: 'health-review',
    check(post, ctx) {
      const data = post.data;
      if (!data) return [];
      const out: Problem[] = [];
      const reviewerId = data.reviewedBy;
      const reviewer = reviewerId === undefined ? undefined : ctx.authors.find((a) => a.id === reviewerId);
      if (reviewerId !== undefined && !reviewer) {
        out.push(problemAt(post, post.source.lineOf(['reviewedBy']), 'reviewedBy', missingAuthorMessage(reviewerId, ctx)));
      } else if (reviewer && !reviewer.data.credentials.length) {
        out.push(
          problemAt(
            post,
            post.source.lineOf(['reviewedBy']),
            'reviewedBy',
            `${reviewer.data.name} has no \`credentials:\` in ${reviewer.file}; add the licence that qualifies them to review health content (type and number), or ask a licensed colleague`,
            'warning',
          ),
        );
      }

      if (!isResearchPost(data.tags, settings.researchTags)) return out;
      const tag = data.tags.find((t) => settings.researchTags.includes(t))!;
      if (reviewerId === undefined) {
        out.push(
          problemAt(
            post,
            post.source.lineOf(['tags']),
            'reviewedBy',
            `is missing; the post is tagged "${tag}", so a qualified person should check it: add \`reviewedBy:\` with their author id and \`lastReviewed:\` with the day they did`,
            'warning',
          ),
        );
      } else if (!data.lastReviewed) {
        out.push(
          problemAt(post, post.source.lineOf(['reviewedBy']), 'lastReviewed', `is missing; add the day ${reviewer?.data.name ?? reviewerId} checked the post, like \`lastReviewed: ${calendarDate(ctx.now, ctx.timeZone)}\``, 'warning'),
        );
      } else {
        const age = reviewAgeDays(data.lastReviewed, ctx.now);
        if (age > settings.reviewMaxAgeDays) {
          out.push(
            problemAt(
              post,
              post.source.lineOf(['lastReviewed']),
              'lastReviewed',
              `${calendarDate(data.lastReviewed, ctx.timeZone)} is ${age} days ago, more than the ${settings.reviewMaxAgeDays} a review stays current; ask ${reviewer?.data.name ?? reviewerId} to check the post again, then update the date`,
              'warning',
            ),
          );
        }
      }
      return out;
    },
  };
}
