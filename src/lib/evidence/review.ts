/**
 * Reviewed health content: posts that report research are checked by a
 * qualified person (an author with credentials, such as a licensed massage
 * therapist), and checked again once the review is old.
 */

export interface Credential {
  type: string;
  abbreviation?: string | undefined;
  number?: string | undefined;
  issuedBy?: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isResearchPost(tags: readonly string[], researchTags: readonly string[]): boolean {
  return tags.some((t) => researchTags.includes(t));
}

/** Whole days from the review to `now`. */
export function reviewAgeDays(lastReviewed: Date, now: Date): number {
  return Math.floor((now.getTime() - lastReviewed.getTime()) / DAY_MS);
}
