import { describe, expect, it } from 'vitest';
import { bookingDescription, listPhrase, offerLine } from '../../src/lib/offer.ts';

const studio = {
  title: 'Calm Rooms',
  lang: 'en-US',
  services: ['massage', 'Thai yoga massage', 'table-top stretch'],
  locations: [{ name: 'Orlando' }, { name: 'Longwood' }],
};

describe('what the studio offers, in words', () => {
  it('lists with the language’s own commas and conjunctions', () => {
    expect(listPhrase(['one'], 'en-US', 'and')).toBe('one');
    expect(listPhrase(['one', 'two'], 'en-US', 'or')).toBe('one or two');
    expect(listPhrase(['a', 'b', 'c'], 'en-US', 'and')).toBe('a, b, and c');
    expect(listPhrase(['a', 'b', 'c'], 'de', 'and')).toBe('a, b und c');
  });

  it('starts the booking box’s line with a capital, keeping the services’ own capitals', () => {
    expect(offerLine(studio)).toBe('Massage, Thai yoga massage, and table-top stretch sessions in Orlando and Longwood.');
    expect(offerLine({ ...studio, services: ['Thai yoga massage'], locations: [{ name: 'Orlando' }] })).toBe(
      'Thai yoga massage sessions in Orlando.',
    );
  });

  it('offers a choice on the booking page', () => {
    expect(bookingDescription(studio)).toBe('Book massage, Thai yoga massage, or table-top stretch at Calm Rooms in Orlando or Longwood.');
  });
});
