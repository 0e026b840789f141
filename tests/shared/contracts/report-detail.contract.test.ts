import { myReportsContract, reportDetailContract } from '@pingan/shared/contracts';

const PHOTO = 'cloud://env-1.7065-env-1/reports/k/1.jpg';
const report = {
  id: 'r-1',
  categoryCode: 'XFYH',
  status: 'submitted',
  text: '楼道堆物',
  ownerCode: '410399001001-03',
  ownerLevel: 'grid',
  submittedAt: 1736125200000,
  light: 'green',
  photos: [PHOTO],
  departments: [],
  anonymous: false,
  supervisionPending: false,
  events: [{ seq: 0, type: 'submitted', at: 1736125200000, status: 'submitted' }],
};
const parse = (overrides: Record<string, unknown>) => reportDetailContract.response.safeParse({ report: { ...report, ...overrides } });
const photoUrls = {
  expiresAt: 1736126400000,
  files: [{ fileID: PHOTO, url: 'https://env-1.tcb.qcloud.la/reports/k/1.jpg?sign=abc&t=1736126400' }],
};

describe('reportDetail response: photo URLs', () => {
  it('carries temporary URLs with their fileIDs and their expiry', () => {
    const parsed = parse({ photoUrls });
    expect(parsed.success && parsed.data.report.photoUrls).toEqual(photoUrls);
  });

  it('still accepts a report without them, as servers before them answered', () => {
    expect(parse({}).success).toBe(true);
  });

  it('lets a client that does not know them read a newer answer (unknown fields are dropped)', () => {
    const older = reportDetailContract.response.safeParse({ report: { ...report, photoUrls, somethingNewer: { a: 1 } } });
    expect(older.success && Object.keys(older.data.report)).not.toContain('somethingNewer');
  });

  it.each([
    ['a URL that is not http(s)', { files: [{ fileID: PHOTO, url: 'javascript:alert(1)' }] }],
    ['a fileID that is not a cloud fileID', { files: [{ fileID: 'https://x/1.jpg', url: 'https://x/1.jpg' }] }],
    ['no expiry', { expiresAt: undefined }],
  ])('refuses %s', (_name, overrides) => {
    expect(parse({ photoUrls: { ...photoUrls, ...overrides } }).success).toBe(false);
  });
});

describe('report views: the owner’s name', () => {
  it('carries the owner’s name and community on a detail and a summary', () => {
    const parsed = parse({ ownerName: '城关社区第3网格', communityName: '城关社区' });
    expect(parsed.success && parsed.data.report).toMatchObject({ ownerName: '城关社区第3网格', communityName: '城关社区' });
    const list = myReportsContract.response.safeParse({
      items: [{ ...summaryOf(report), ownerName: '城关社区第3网格' }],
      nextCursor: null,
    });
    expect(list.success && list.data.items[0]!.ownerName).toBe('城关社区第3网格');
  });

  it('accepts a report without them, as a case moved above the routed place is answered', () => {
    const parsed = parse({});
    expect(parsed.success && parsed.data.report).not.toHaveProperty('ownerName');
  });

  it('refuses a name that is not a string', () => {
    expect(parse({ ownerName: 3 }).success).toBe(false);
  });
});

describe('report detail: the reason on a rejected step of the timeline', () => {
  const rejected = { seq: 1, type: 'rejected', at: 1736128800000, status: 'rejected' };

  it('carries the reason, and the report a duplicate repeats', () => {
    const parsed = parse({ events: [...report.events, { ...rejected, rejection: { reason: 'duplicate', duplicateOf: 'r-0' } }] });
    expect(parsed.success && parsed.data.report.events[1]!.rejection).toEqual({ reason: 'duplicate', duplicateOf: 'r-0' });
  });

  it('still accepts a step without it, and refuses a reason it does not know', () => {
    expect(parse({ events: [...report.events, rejected] }).success).toBe(true);
    expect(parse({ events: [...report.events, { ...rejected, rejection: { reason: 'bored' } }] }).success).toBe(false);
  });
});

function summaryOf(detail: typeof report) {
  const { photos: _p, departments: _d, anonymous: _a, supervisionPending: _s, events: _e, ...summary } = detail;
  return summary;
}
