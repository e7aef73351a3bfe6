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

/** The same study as its record has it (three of its seven authors), with its PubMed ID: the case the record checks pass. */
export const CRANE_2012_FULL: Citation = {
  ...CRANE_2012,
  authors: ['Crane, J. D.', 'Ogborn, D. I.', 'Tarnopolsky, M. A.'],
  title: 'Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage',
  pmid: '22301554',
};
