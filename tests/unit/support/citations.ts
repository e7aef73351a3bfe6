import type { Citation } from '../../../src/schema/citation.ts';

/** The study behind the studio's first post, shortened to two authors: the journal-article case. */
export const CRANE_2012: Citation = {
  authors: ['Crane, J. D.', 'Tarnopolsky, M. A.'],
  year: 2012,
  title: 'Massage therapy attenuates inflammatory signaling',
  container: 'Science Translational Medicine',
  volume: 4,
  issue: 119,
  article: '119ra13',
  doi: '10.1126/scitranslmed.3002882',
};
