import { CONTRACTS, catalogContract, envelopeSchema } from '@pingan/shared/contracts';

const category = {
  code: 'XFYH',
  name: '消防隐患',
  group: '安全隐患',
  acceptLimitHours: 1,
  handleLimitHours: 24,
  visibleToOtherResidents: true,
  reward: { points: 5 },
};
const service = { code: 'SMLF', name: '上门理发', description: '志愿理发师上门为老人理发。', durationMinutes: 40, forGroups: ['高龄'] };
const parse = (value: unknown) => catalogContract.response.safeParse(value);

describe('catalog contract', () => {
  it('is listed under its name and takes an empty request (ignoring what WeChat adds)', () => {
    expect(CONTRACTS.catalog).toBe(catalogContract);
    expect(catalogContract.request.parse({ userInfo: { openId: 'o-x' } })).toEqual({});
  });

  it('describes categories with their limits and reward, and services', () => {
    const value = { categories: [category], services: [service] };
    expect(parse(value)).toEqual({ success: true, data: value });
  });

  it('offers an informant money in their grids, and staff no reward at all', () => {
    expect(parse({ categories: [{ ...category, reward: { points: 5, fenInApprovedGrids: 500 } }], services: [] }).success).toBe(true);
    expect(parse({ categories: [{ ...category, reward: null }], services: [] }).success).toBe(true);
  });

  it.each([
    ['a reward in fractional points', { reward: { points: 0.5 } }],
    ['a negative money reward', { reward: { points: 1, fenInApprovedGrids: -1 } }],
    ['a missing reward', { reward: undefined }],
    ['a lower-case code', { code: 'xfyh' }],
    ['a zero time limit', { acceptLimitHours: 0 }],
    ['visibility as a string', { visibleToOtherResidents: 'yes' }],
  ])('refuses a category with %s', (_name, overrides) => {
    expect(parse({ categories: [{ ...category, ...overrides }], services: [] }).success).toBe(false);
  });

  it('travels in the one envelope', () => {
    expect(envelopeSchema(catalogContract.response).safeParse({ ok: true, data: { categories: [], services: [] } }).success).toBe(true);
  });
});
