import { submitReportContract } from '@pingan/shared/contracts';

const valid = {
  categoryCode: 'XFYH',
  text: '楼道堆放杂物，堵塞消防通道',
  photos: ['cloud://env-1.7065-env-1/reports/a.jpg'],
  location: [111.587499, 33.796931],
  scannedGridCode: '410399001001-03',
  anonymous: false,
  idempotencyKey: 'draft-0001-abcd',
};
const parse = (overrides: Record<string, unknown>) => submitReportContract.request.safeParse({ ...valid, ...overrides });

describe('submitReport request', () => {
  it('accepts a complete report', () => {
    expect(parse({}).success).toBe(true);
  });

  it('accepts a report without location or scanned grid', () => {
    const { location: _l, scannedGridCode: _s, ...bare } = valid;
    expect(submitReportContract.request.safeParse(bare).success).toBe(true);
  });

  it.each([
    ['an operator object for a string', { categoryCode: { $ne: null } }],
    ['an operator object for the grid code', { scannedGridCode: { $gt: '' } }],
    ['text over 2,000 characters', { text: '字'.repeat(2001) }],
    ['ten photos', { photos: Array.from({ length: 10 }, (_, i) => `cloud://env/${i}.jpg`) }],
    ['a photo that is not a cloud fileID', { photos: ['https://evil.example/a.jpg'] }],
    ['a location as {lng, lat}', { location: { lng: 111.5, lat: 33.7 } }],
    ['a latitude beyond 90', { location: [33.7, 111.5] }],
    ['a location with NaN', { location: [Number.NaN, 33.7] }],
    ['a short idempotency key', { idempotencyKey: 'abc' }],
    ['anonymous as a string', { anonymous: 'false' }],
    ['neither text nor photos', { text: '  ', photos: [] }],
  ])('rejects %s', (_name, overrides) => {
    expect(parse(overrides).success).toBe(false);
  });

  it('accepts exactly 2,000 characters and 9 photos', () => {
    expect(parse({ text: '字'.repeat(2000), photos: Array.from({ length: 9 }, (_, i) => `cloud://env/${i}.jpg`) }).success).toBe(true);
  });

  it('drops fields it does not know, such as the userInfo WeChat adds to the event', () => {
    const parsed = parse({ userInfo: { openId: 'o-forged' }, openid: 'o-forged' });
    expect(parsed.success && Object.keys(parsed.data)).not.toContain('openid');
    expect(parsed.success && Object.keys(parsed.data)).not.toContain('userInfo');
  });
});

describe('submitReport response: the route', () => {
  const report = {
    id: 'r-1',
    categoryCode: 'XFYH',
    status: 'submitted',
    text: '楼道堆物',
    ownerCode: '410399001001-03',
    ownerLevel: 'grid',
    submittedAt: 1736125200000,
    light: 'green',
  };
  const route = { reason: 'contained', ownerCode: '410399001001-03', ownerLevel: 'grid', departments: ['消防救援站'] };
  const response = (routeOverrides: Record<string, unknown>) =>
    submitReportContract.response.safeParse({ report, route: { ...route, ...routeOverrides }, replayed: false });

  it('names the owner and its community', () => {
    const named = response({ ownerName: '城关社区第3网格', communityName: '城关社区' });
    expect(named.success && named.data.route).toMatchObject({ ownerName: '城关社区第3网格', communityName: '城关社区' });
  });

  it('still accepts a route without names, as servers before them answered', () => {
    expect(response({}).success).toBe(true);
  });

  it('refuses a name that is not a string', () => {
    expect(response({ ownerName: 3 }).success).toBe(false);
  });
});
