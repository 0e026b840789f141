import { reportDetailContract } from '../../../shared/src/contracts';

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
const photoUrls = { expiresAt: 1736126400000, files: [{ fileID: PHOTO, url: 'https://env-1.tcb.qcloud.la/reports/k/1.jpg?sign=abc&t=1736126400' }] };

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
