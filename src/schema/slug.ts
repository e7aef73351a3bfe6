/** Lowercase words joined by single hyphens: the form of every post address, tag and author id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
