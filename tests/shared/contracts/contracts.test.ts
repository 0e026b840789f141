import {
  acceptReportContract,
  CONTRACTS,
  duplicateCandidatesContract,
  envelopeSchema,
  ERROR_CODES,
  fail,
  inboxContract,
  joinGridContract,
  meContract,
  myPointsContract,
  myReportsContract,
  ok,
  parseRequest,
  rejectReportContract,
  reportDetailContract,
  submitReportContract,
} from '@pingan/shared/contracts';

const succeeds = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('request contracts', () => {
  it('names every contract after its key', () => {
    expect(Object.entries(CONTRACTS).every(([key, contract]) => contract.name === key)).toBe(true);
  });

  it('takes me with an empty request', () => {
    expect(succeeds(meContract.request, {})).toBe(true);
  });

  it('joins a grid by code or by scene, and nothing else', () => {
    expect(succeeds(joinGridContract.request, { gridCode: '410399001001-03' })).toBe(true);
    expect(succeeds(joinGridContract.request, { scene: 'g=410399001001-03' })).toBe(true);
    expect(succeeds(joinGridContract.request, { gridCode: '410399001001' })).toBe(false);
    expect(succeeds(joinGridContract.request, { gridCode: { $regex: '.*' } })).toBe(false);
    expect(succeeds(joinGridContract.request, {})).toBe(false);
  });

  it('pages with a cursor and a limit of 1–50', () => {
    expect(succeeds(myReportsContract.request, {})).toBe(true);
    expect(succeeds(myReportsContract.request, { cursor: 'abc', limit: 50 })).toBe(true);
    expect(succeeds(myReportsContract.request, { limit: 51 })).toBe(false);
    expect(succeeds(myReportsContract.request, { limit: 0 })).toBe(false);
    expect(succeeds(myReportsContract.request, { limit: 2.5 })).toBe(false);
  });

  it('filters the inbox by a known status only', () => {
    expect(succeeds(inboxContract.request, { status: 'submitted' })).toBe(true);
    expect(succeeds(inboxContract.request, { status: 'lost' })).toBe(false);
  });

  it('refuses an operator object for a report id', () => {
    expect(succeeds(reportDetailContract.request, { reportId: { $ne: null } })).toBe(false);
    expect(succeeds(acceptReportContract.request, { reportId: { $exists: true } })).toBe(false);
  });

  it('requires duplicateOf when rejecting as a duplicate, and only then', () => {
    expect(succeeds(rejectReportContract.request, { reportId: 'r-2', reason: 'duplicate', duplicateOf: 'r-1' })).toBe(true);
    expect(succeeds(rejectReportContract.request, { reportId: 'r-2', reason: 'duplicate' })).toBe(false);
    expect(succeeds(rejectReportContract.request, { reportId: 'r-2', reason: 'invalid', note: '照片与描述不符' })).toBe(true);
    expect(succeeds(rejectReportContract.request, { reportId: 'r-2', reason: 'spam' })).toBe(false);
  });
});

describe('response contracts', () => {
  const summary = {
    id: 'r-1',
    categoryCode: 'XFYH',
    status: 'accepted',
    text: '楼道堆放杂物',
    ownerCode: '410399001001-03',
    ownerLevel: 'grid',
    submittedAt: 1736125200000,
    light: 'green',
  };

  it('describes an accepted report', () => {
    expect(succeeds(acceptReportContract.response, { report: summary })).toBe(true);
    expect(succeeds(acceptReportContract.response, { report: { ...summary, status: 'lost' } })).toBe(false);
  });

  it('describes a report flagged for content review, with its category name, and one without either', () => {
    const flagged = { ...summary, categoryName: '消防隐患', flagged: true };
    expect(acceptReportContract.response.parse({ report: flagged })).toEqual({ report: flagged });
    expect(succeeds(acceptReportContract.response, { report: summary })).toBe(true);
    expect(succeeds(acceptReportContract.response, { report: { ...summary, flagged: 'yes' } })).toBe(false);
  });

  it('describes a points page with integer balances', () => {
    const entry = { id: 'award:r-1', kind: 'award', unit: 'fen', amount: 300, at: 1736125200000, reportId: 'r-1', basis: 'informant' };
    expect(succeeds(myPointsContract.response, { fenBalance: 300, pointBalance: 0, entries: [entry], nextCursor: null })).toBe(true);
    expect(succeeds(myPointsContract.response, { fenBalance: 0.5, pointBalance: 0, entries: [], nextCursor: null })).toBe(false);
  });
});

describe('the envelope', () => {
  const schema = envelopeSchema(meContract.response);
  const me = { id: 'u-1', name: '张秀兰', roles: ['resident'], gridCodes: ['410399001001-03'], joinedGrid: null };

  it('wraps data on success', () => {
    expect(schema.parse(ok(me))).toEqual({ ok: true, data: me });
  });

  it('carries a stable code and a message on failure', () => {
    expect(schema.parse(fail('REPORT.FORBIDDEN', 'not your case'))).toEqual({
      ok: false,
      code: 'REPORT.FORBIDDEN',
      message: 'not your case',
    });
  });

  it('refuses a code outside the list', () => {
    expect(schema.safeParse({ ok: false, code: 'REPORT.OOPS', message: '' }).success).toBe(false);
  });

  it('lists dotted, upper-case, unique codes', () => {
    expect(ERROR_CODES.every((code) => /^[A-Z]+\.[A-Z_]+$/.test(code))).toBe(true);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

describe('parseRequest', () => {
  it('hands back the parsed request', () => {
    expect(parseRequest(reportDetailContract.request, { reportId: 'r-1', extra: 1 })).toEqual({ ok: true, data: { reportId: 'r-1' } });
  });

  it('answers INPUT.INVALID naming the fields, not their values', () => {
    const answer = parseRequest(submitReportContract.request, { categoryCode: { $ne: null }, text: '我的电话13800000001' });
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(!answer.ok && answer.message).toContain('categoryCode');
    expect(!answer.ok && answer.message).not.toContain('13800000001');
  });

  it('names the whole request when it is not an object', () => {
    expect(parseRequest(meContract.request, 'hello')).toEqual({ ok: false, code: 'INPUT.INVALID', message: 'invalid (request)' });
  });
});

describe('duplicateCandidates contract', () => {
  const candidate = {
    id: 'r-1',
    text: '楼道堆放杂物',
    status: 'submitted',
    submittedAt: 1736125200000,
    distanceM: 18,
    ownerName: '城关社区第3网格',
  };

  it('asks about one report by id, and nothing else', () => {
    expect(succeeds(duplicateCandidatesContract.request, { reportId: 'r-2' })).toBe(true);
    expect(succeeds(duplicateCandidatesContract.request, { reportId: { $ne: null } })).toBe(false);
    expect(succeeds(duplicateCandidatesContract.request, {})).toBe(false);
    expect(CONTRACTS.duplicateCandidates).toBe(duplicateCandidatesContract);
  });

  it('answers candidates with whole metres, or none and why', () => {
    expect(succeeds(duplicateCandidatesContract.response, { candidates: [candidate], radiusM: 50, windowDays: 30 })).toBe(true);
    expect(succeeds(duplicateCandidatesContract.response, { candidates: [], radiusM: 0, windowDays: 30, none: 'no_radius' })).toBe(true);
    expect(
      succeeds(duplicateCandidatesContract.response, { candidates: [{ ...candidate, distanceM: 18.5 }], radiusM: 50, windowDays: 30 }),
    ).toBe(false);
    expect(succeeds(duplicateCandidatesContract.response, { candidates: [], radiusM: 50, windowDays: 30, none: 'too_far' })).toBe(false);
  });
});
