import { lngLat, type Actor, type LngLat } from '@pingan/shared';
import { DUPLICATE_WINDOW_DAYS, duplicateCandidatesOf, duplicateSearchOf, shortText, type NearReport } from '@pingan/shared/report';

const GRID = '410399001001-03';
const NOW = 1_750_000_000_000;
const DAY = 86_400_000;
const HERE = lngLat(111.5875, 33.7969);
/** A point `north` metres north of HERE (1° of latitude is 111,195 m by haversine). */
const north = (m: number): LngLat => lngLat(HERE[0], HERE[1] + m / 111_195.08);

const worker: Actor = { id: 'u-worker', roles: ['gridWorker'], gridCodes: [GRID] };

function doc(
  id: string,
  fields: Partial<Omit<NearReport, 'moderation'>> & { moderation?: { verdict: string; pending: boolean } } = {},
): NearReport {
  return {
    id,
    reporterId: `u-${id}`,
    reporterName: `报告人${id}`,
    anonymous: false,
    categoryCode: 'XFYH',
    text: '楼道堆放杂物',
    photos: [],
    location: HERE,
    status: 'submitted',
    routeReason: 'contained',
    ownerCode: GRID,
    ownerLevel: 'grid',
    ownerName: '城关社区第3网格',
    regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: GRID },
    departments: [],
    supervisionPending: false,
    submittedAt: NOW - DAY,
    moderation: { verdict: 'pass', pending: false },
    ...fields,
  } as NearReport;
}

const subject = doc('r0');
const search = duplicateSearchOf(subject, 50, NOW);
if ('none' in search) throw new Error('expected a search');
const ids = (found: NearReport[], viewer: Actor = worker) => duplicateCandidatesOf(search, found, viewer).map((c) => c.id);

describe('duplicateSearchOf', () => {
  it('searches the category within its radius, over the last 30 days', () => {
    expect(search).toEqual({ reportId: 'r0', categoryCode: 'XFYH', location: HERE, radiusM: 50, since: NOW - DUPLICATE_WINDOW_DAYS * DAY });
  });

  it('has nothing to search for a category never duplicate by place, or a report without location', () => {
    expect(duplicateSearchOf(subject, 0, NOW)).toEqual({ none: 'no_radius' });
    const { location: _, ...nowhere } = subject;
    expect(duplicateSearchOf(nowhere, 50, NOW)).toEqual({ none: 'no_location' });
  });
});

describe('duplicateCandidatesOf', () => {
  it('keeps near reports of the category and leaves out the report itself, other categories, rejected and old ones', () => {
    const found = [
      subject,
      doc('r1', { location: north(20) }),
      doc('r2', { location: north(20), categoryCode: 'HJWS' }),
      doc('r3', { location: north(20), status: 'rejected' }),
      doc('r4', { location: north(20), submittedAt: NOW - 31 * DAY }),
      doc('r5', { location: north(20), status: 'closed' }),
    ];
    expect(ids(found)).toEqual(['r1', 'r5']);
  });

  it('measures by haversine: 49 m is in, 51 m is out, whatever the database let through', () => {
    expect(ids([doc('in', { location: north(49) }), doc('out', { location: north(51) })])).toEqual(['in']);
  });

  it('orders the nearest first by whole metres, then the oldest, then by id', () => {
    const found = [
      doc('newer', { location: north(30), submittedAt: NOW - DAY }),
      doc('older', { location: north(30.2), submittedAt: NOW - 2 * DAY }),
      doc('nearest', { location: north(5) }),
      doc('b-same', { location: north(40) }),
      doc('a-same', { location: north(40) }),
    ];
    expect(ids(found)).toEqual(['nearest', 'older', 'newer', 'a-same', 'b-same']);
  });

  it('leaves out, rather than marks, a report the caller may not see (a neighbouring grid)', () => {
    const next = doc('next', {
      location: north(10),
      ownerCode: '410399001001-02',
      regionPath: { county: '410399', street: '410399001', community: '410399001001', grid: '410399001001-02' },
    });
    expect(ids([next, doc('mine', { location: north(20) })])).toEqual(['mine']);
  });

  it('answers at most 10', () => {
    const found = Array.from({ length: 15 }, (_, i) => doc(`r${i + 1}`, { location: north(i + 1) }));
    expect(ids(found)).toHaveLength(10);
  });

  it('names the reporter unless the report is anonymous, and flags one held for review', () => {
    const [open, hidden] = duplicateCandidatesOf(
      search,
      [
        doc('open', { location: north(10) }),
        doc('hidden', { location: north(20), anonymous: true, moderation: { verdict: 'review', pending: true } }),
      ],
      worker,
    );
    expect(open).toEqual({
      id: 'open',
      text: '楼道堆放杂物',
      status: 'submitted',
      submittedAt: NOW - DAY,
      distanceM: 10,
      ownerName: '城关社区第3网格',
      reporterName: '报告人open',
    });
    expect(hidden).toEqual({
      id: 'hidden',
      text: '楼道堆放杂物',
      status: 'submitted',
      submittedAt: NOW - DAY,
      distanceM: 20,
      ownerName: '城关社区第3网格',
      flagged: true,
    });
  });
});

describe('shortText', () => {
  it('keeps a short text and cuts a long one to 60 characters with an ellipsis, never inside an emoji', () => {
    expect(shortText('  楼道堆放杂物 ')).toBe('楼道堆放杂物');
    const long = '火'.repeat(58) + '🔥🔥🔥';
    expect(shortText(long)).toBe(`${'火'.repeat(58)}🔥…`);
    expect([...shortText(long)]).toHaveLength(60);
  });
});
