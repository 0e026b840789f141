import { assignReportsContract, inboxContract, saveResponseTemplatesContract, workbenchContract } from '@pingan/shared/contracts';

describe('the inbox request', () => {
  it('takes every filter together, and no filter at all', () => {
    const request = {
      status: 'open',
      light: 'red',
      categoryCode: 'XFYH',
      gridCode: '410399001001-03',
      assignee: { personId: 'p-worker' },
      sort: 'support',
      limit: 20,
    };
    expect(inboxContract.request.safeParse(request).success).toBe(true);
    expect(inboxContract.request.safeParse({}).success).toBe(true);
    expect(inboxContract.request.safeParse({ assignee: 'me' }).success).toBe(true);
  });

  it('refuses an unknown light, sort or assignee, and an operator object for a grid', () => {
    expect(inboxContract.request.safeParse({ light: 'blue' }).success).toBe(false);
    expect(inboxContract.request.safeParse({ sort: 'newest' }).success).toBe(false);
    expect(inboxContract.request.safeParse({ assignee: 'somebody' }).success).toBe(false);
    expect(inboxContract.request.safeParse({ gridCode: { $ne: null } }).success).toBe(false);
  });
});

describe('bulk assign', () => {
  const to = { kind: 'person', personId: 'p-worker' } as const;

  it('takes 1 to 20 different report ids', () => {
    expect(assignReportsContract.request.safeParse({ reportIds: ['r1', 'r2'], to }).success).toBe(true);
    expect(assignReportsContract.request.safeParse({ reportIds: [], to }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `r${i}`);
    expect(assignReportsContract.request.safeParse({ reportIds: many, to }).success).toBe(false);
  });

  it('refuses a report named twice', () => {
    expect(assignReportsContract.request.safeParse({ reportIds: ['r1', 'r1'], to }).success).toBe(false);
  });
});

describe('response templates', () => {
  it('normalises each text and refuses one that says nothing', () => {
    const parsed = saveResponseTemplatesContract.request.safeParse({
      gridCode: '410399001001-03',
      action: 'accept',
      texts: ['  已受理\u200b '],
    });
    expect(parsed.success && parsed.data.texts).toEqual(['已受理']);
    const blank = { gridCode: '410399001001-03', action: 'accept', texts: ['\u200b '] };
    expect(saveResponseTemplatesContract.request.safeParse(blank).success).toBe(false);
  });

  it('caps the number and the length of templates', () => {
    const grid = '410399001001-03';
    expect(saveResponseTemplatesContract.request.safeParse({ gridCode: grid, action: 'close', texts: Array(11).fill('好') }).success).toBe(
      false,
    );
    expect(saveResponseTemplatesContract.request.safeParse({ gridCode: grid, action: 'close', texts: ['好'.repeat(201)] }).success).toBe(
      false,
    );
    expect(saveResponseTemplatesContract.request.safeParse({ gridCode: grid, action: 'merge', texts: [] }).success).toBe(false);
  });
});

describe('the workbench', () => {
  const counts = { submitted: 1, handling: 2, resolved: 0, dueSoon: 1, overdue: 0 };

  it('describes each home by its kind', () => {
    expect(workbenchContract.response.safeParse({ kind: 'resident' }).success).toBe(true);
    const grids = [{ code: '410399001001-03', name: '第3网格' }];
    expect(
      workbenchContract.response.safeParse({ kind: 'gridWorker', grids, counts, supervisionUnanswered: 0, dueSoonHours: 4 }).success,
    ).toBe(true);
    const leader = { kind: 'gridLeader', grids, counts, queues: { toAssign: 2, toVerify: 1 }, supervisionUnanswered: 1, dueSoonHours: 4 };
    expect(workbenchContract.response.safeParse(leader).success).toBe(true);
    const police = { kind: 'police', grids, categoryCodes: ['ZAXS'], counts, cases: [], dueSoonHours: 4 };
    expect(workbenchContract.response.safeParse(police).success).toBe(true);
  });

  it('refuses a leader without queues', () => {
    const grids = [{ code: '410399001001-03', name: '第3网格' }];
    const noQueues = { kind: 'gridLeader', grids, counts, supervisionUnanswered: 0, dueSoonHours: 4 };
    expect(workbenchContract.response.safeParse(noQueues).success).toBe(false);
  });
});
