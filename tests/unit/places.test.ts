import { describe, expect, it } from 'vitest';
import { addressLine, clockTime, dayRange, directionsUrl, hoursLines, initials, placeId } from '../../src/lib/places.ts';

const address = { street: '100 Example Avenue, Suite 2', locality: 'Testville', region: 'FL', postalCode: '00001', country: 'US' };

describe('opening hours', () => {
  it('writes runs of three or more days as a range and shorter ones as names', () => {
    expect(dayRange(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])).toBe('Mon–Fri');
    expect(dayRange(['Saturday'])).toBe('Sat');
    expect(dayRange(['Saturday', 'Sunday'])).toBe('Sat, Sun');
    expect(dayRange(['Friday', 'Monday', 'Wednesday'])).toBe('Mon, Wed, Fri');
    expect(dayRange(['Monday', 'Tuesday', 'Wednesday', 'Friday'])).toBe('Mon–Wed, Fri');
  });

  it('writes times the way people say them', () => {
    expect(clockTime('09:00')).toBe('9 am');
    expect(clockTime('19:30')).toBe('7:30 pm');
    expect(clockTime('12:00')).toBe('noon');
    expect(clockTime('12:15')).toBe('12:15 pm');
    expect(clockTime('00:30')).toBe('12:30 am');
    expect(clockTime('24:00')).toBe('midnight');
  });

  it('gives one line per setting, in order', () => {
    expect(
      hoursLines([
        { days: ['Monday', 'Tuesday', 'Wednesday'], opens: '09:00', closes: '19:00' },
        { days: ['Saturday'], opens: '10:00', closes: '16:30' },
      ]),
    ).toEqual([
      { days: 'Mon–Wed', time: '9 am – 7 pm' },
      { days: 'Sat', time: '10 am – 4:30 pm' },
    ]);
  });
});

describe('addresses and names', () => {
  it('writes an address on one line', () => {
    expect(addressLine(address)).toBe('100 Example Avenue, Suite 2, Testville, FL 00001');
  });

  it('links directions to the map position when there is one, else to the address', () => {
    expect(directionsUrl(address, { latitude: 28.5, longitude: -81.4 })).toBe('https://www.openstreetmap.org/search?query=28.5%2C-81.4');
    expect(directionsUrl(address)).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent('100 Example Avenue, Suite 2, Testville, FL 00001, US')}`,
    );
  });

  it('makes an id and initials from the name', () => {
    expect(placeId('Fixture North')).toBe('fixture-north');
    expect(initials('Fixture North')).toBe('FN');
    expect(initials('Orlando')).toBe('O');
    expect(initials('Ada de la Fixture')).toBe('AD');
  });
});
