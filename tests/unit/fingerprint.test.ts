import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/lib/fingerprint.ts';

describe('fingerprint', () => {
  it('is the same for the same data, whatever order its keys were written in', () => {
    expect(fingerprint({ a: 1, b: [1, 2, { c: 'x', d: 'y' }] })).toBe(fingerprint({ b: [1, 2, { d: 'y', c: 'x' }], a: 1 }));
    expect(fingerprint({ a: 1 })).toMatch(/^[\w-]{43}$/);
  });

  it('tells apart data that renders differently', () => {
    const seen = new Set(
      [
        'a',
        'b',
        1,
        '1',
        true,
        'true',
        null,
        [],
        {},
        [1, 2],
        [2, 1],
        [[1], 2],
        [1, [2]],
        { a: 1 },
        { a: '1' },
        { a: 1, b: 2 },
        { 'a:1': null },
        Number.NaN,
        Number.POSITIVE_INFINITY,
        new Date('2026-11-27T12:00:00Z'),
        new Date('2026-11-27T12:00:01Z'),
        '2026-11-27T12:00:00.000Z',
        'D(2026-11-27T12:00:00.000Z)',
        new Map([['a', 1]]),
        new Set(['a']),
        ['a', 1],
        new URL('https://example.com/a'),
        'x'.repeat(200),
        'x'.repeat(201),
      ].map(fingerprint),
    );
    expect(seen.size).toBe(29);
  });

  it('treats a missing property and an undefined one alike, as JSON does', () => {
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
  });

  it('sees a change deep inside a large object, and in an array of shared objects', () => {
    const post = (title: string) => ({ title, body: 'word '.repeat(2000), date: new Date('2026-11-20T05:00:00Z'), tags: ['massage'] });
    const a = post('Massage after exercise');
    const b = post('Massage after exercise.');
    expect(fingerprint({ post: a })).not.toBe(fingerprint({ post: b }));
    // The same object in many places (a post in several lists) is read once and counted everywhere.
    expect(fingerprint([a, a, b])).not.toBe(fingerprint([a, b, b]));
  });

  it('refuses functions and data that contains itself, naming where', () => {
    expect(() => fingerprint({ props: { href: () => '/' } })).toThrow(/function .*value\.props\.href/);
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => fingerprint(loop)).toThrow(/contains itself/);
  });
});
