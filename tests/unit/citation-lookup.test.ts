/**
 * The lookup client against Crossref and E-utilities as recorded
 * (tests/fixtures/citations/), served on 127.0.0.1: no request leaves the machine.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LookupError, OfflineError, retryAfterMs, userAgent } from '../../src/lib/citations/http.ts';
import { createLookup, type LookupOptions } from '../../src/lib/citations/lookup.ts';
import { startCitationServer, type CitationServer } from '../support/citation-server.ts';

let server: CitationServer;
beforeAll(async () => {
  server = await startCitationServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.asked.length = 0;
});

const CONTACT = 'web@studio.example';
function lookup(extra: Partial<LookupOptions> = {}) {
  return createLookup(
    {
      contact: CONTACT,
      tool: 'TestStudio',
      userAgent: userAgent('TestStudio-citations', 'https://studio.example/', CONTACT),
      crossrefUrl: server.url,
      eutilsUrl: server.url,
      backoffMs: 1,
      ...extra,
    },
    {},
  );
}

describe('Crossref', () => {
  it('reads the record of a DOI, with the site and a contact address in the User-Agent', async () => {
    const entry = await lookup().doi('10.1126/scitranslmed.3002882');
    expect(entry).toEqual({
      status: 'found',
      record: {
        source: 'crossref',
        id: '10.1126/scitranslmed.3002882',
        title: 'Massage Therapy Attenuates Inflammatory Signaling After Exercise-Induced Muscle Damage',
        authors: [
          { family: 'Crane', given: 'Justin D.' },
          { family: 'Ogborn', given: 'Daniel I.' },
          { family: 'Cupido', given: 'Colleen' },
          { family: 'Melov', given: 'Simon' },
          { family: 'Hubbard', given: 'Alan' },
          { family: 'Bourgeois', given: 'Jacqueline M.' },
          { family: 'Tarnopolsky', given: 'Mark A.' },
        ],
        years: [2012],
        containers: ['Science Translational Medicine', 'Sci. Transl. Med.'],
        volume: '4',
        issue: '119',
        article: '119ra13',
      },
    });
    expect(server.asked).toEqual([
      {
        path: '/works/10.1126/scitranslmed.3002882?mailto=web%40studio.example',
        userAgent: 'TestStudio-citations/1.0 (+https://studio.example/; mailto:web@studio.example)',
      },
    ]);
  });

  it('says a DOI it does not know is not found (404)', async () => {
    expect(await lookup().doi('10.1126/scitranslmed.9999999')).toEqual({ status: 'not-found' });
  });

  it('retries after a 429, waiting as Retry-After says, then reads the record', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    server.script({ status: 429, headers: { 'retry-after': '2' }, body: 'Too many requests' });
    const entry = await lookup({ sleep }).doi('10.1126/scitranslmed.3002882');
    expect(entry.status).toBe('found');
    expect(server.asked.map((a) => a.path.split('?')[0])).toEqual([
      '/works/10.1126/scitranslmed.3002882',
      '/works/10.1126/scitranslmed.3002882',
    ]);
    expect(waits).toEqual([2000]);
  });

  it('retries server errors with growing waits, then gives up with one sentence', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    server.script({ status: 503 }, { status: 502 }, { status: 500 });
    await expect(lookup({ retries: 2, backoffMs: 500, sleep }).doi('10.1126/scitranslmed.3002882')).rejects.toThrow(
      new LookupError('Crossref answered 500 (a server error) 3 times in a row; try again later'),
    );
    expect(server.asked).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('does not wait longer than it allows when Retry-After asks for more', async () => {
    server.script({ status: 429, headers: { 'retry-after': '3600' } });
    await expect(lookup({ maxWaitMs: 60_000 }).doi('10.1126/scitranslmed.3002882')).rejects.toThrow(
      'Crossref asks us to wait 3600 s before asking again; try again later',
    );
    expect(server.asked).toHaveLength(1);
  });

  it('gives the offline message when the server does not answer in time', async () => {
    server.script('hang');
    const host = new URL(server.url).host;
    const error = await lookup({ timeoutMs: 200 })
      .doi('10.1126/scitranslmed.3002882')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as Error).message).toBe(`could not reach ${host}: no answer within 0.2 s. Check the internet connection and try again`);
  });

  it('gives the offline message when nothing listens there', async () => {
    const closed = await startCitationServer();
    const url = closed.url;
    await closed.close();
    const error = await createLookup({ contact: CONTACT, tool: 't', userAgent: 'ua', crossrefUrl: url, eutilsUrl: url }, {})
      .doi('10.1126/x.1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as Error).message).toBe(
      `could not reach ${new URL(url).host} (ECONNREFUSED). Check the internet connection and try again`,
    );
  });

  it('takes its base addresses from the environment when no option names them', async () => {
    const client = createLookup(
      { contact: CONTACT, tool: 't', userAgent: 'ua' },
      { CROSSREF_API_URL: server.url, EUTILS_API_URL: server.url },
    );
    expect((await client.doi('10.1126/scitranslmed.3002882')).status).toBe('found');
    expect(server.asked).toHaveLength(1);
  });
});

describe('PubMed (E-utilities esummary)', () => {
  it('reads the summary of a PubMed ID, with the tool and email parameters NCBI asks for', async () => {
    const entry = await lookup().pmid('22301554');
    expect(entry).toEqual({
      status: 'found',
      record: {
        source: 'pubmed',
        id: '22301554',
        title: 'Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage',
        authors: [
          { family: 'Crane', given: 'JD' },
          { family: 'Ogborn', given: 'DI' },
          { family: 'Cupido', given: 'C' },
          { family: 'Melov', given: 'S' },
          { family: 'Hubbard', given: 'A' },
          { family: 'Bourgeois', given: 'JM' },
          { family: 'Tarnopolsky', given: 'MA' },
        ],
        years: [2012],
        containers: ['Science translational medicine', 'Sci Transl Med'],
        volume: '4',
        issue: '119',
        pages: '119ra13',
        doi: '10.1126/scitranslmed.3002882',
      },
    });
    expect(server.asked[0]!.path).toBe('/esummary.fcgi?db=pubmed&id=22301554&retmode=json&tool=TestStudio&email=web%40studio.example');
  });

  it('says an ID PubMed does not have is not found (esummary answers 200 with an error)', async () => {
    expect(await lookup().pmid('99999998')).toEqual({ status: 'not-found' });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
