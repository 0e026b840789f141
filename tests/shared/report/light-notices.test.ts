import {
  isStaffMessageKind,
  lightNoticeAt,
  lightNoticeDueAt,
  lightNoticedAfter,
  lightNoticeMessages,
  supervisingCodeOf,
} from '@pingan/shared/report';

const clock = { deadlineAt: 1_000, redAt: 2_000 };
const path = { county: '410399', street: '410399001', community: '410399001001', grid: '410399001001-03' };

describe('when a light notice falls due', () => {
  it('is the deadline until it is told, then the red instant, then nothing', () => {
    expect(lightNoticeDueAt('accepted', clock, undefined)).toBe(1_000);
    expect(lightNoticeDueAt('accepted', clock, { deadlineAt: 1_000 })).toBe(2_000);
    expect(lightNoticeDueAt('accepted', clock, { deadlineAt: 1_000, redAt: 2_000 })).toBeUndefined();
  });

  it('comes again for a clock restarted: a told deadline of the acceptance clock is not the handling clock’s', () => {
    expect(lightNoticeDueAt('accepted', { deadlineAt: 9_000, redAt: 12_000 }, { deadlineAt: 1_000 })).toBe(9_000);
  });

  it('never falls due for a clock that does not run (resolved, closed, rejected)', () => {
    for (const status of ['resolved', 'closed', 'rated', 'rejected', 'withdrawn'] as const) {
      expect(lightNoticeDueAt(status, clock, undefined)).toBeUndefined();
      expect(lightNoticeAt(status, clock, undefined, 5_000)).toBeUndefined();
    }
  });
});

describe('which notice is due now', () => {
  it('none at the deadline itself (still green), 已超时 just past it, 严重超时 just past red', () => {
    expect(lightNoticeAt('submitted', clock, undefined, 1_000)).toBeUndefined();
    expect(lightNoticeAt('submitted', clock, undefined, 1_001)).toBe('overdue');
    expect(lightNoticeAt('submitted', clock, { deadlineAt: 1_000 }, 2_000)).toBeUndefined();
    expect(lightNoticeAt('submitted', clock, { deadlineAt: 1_000 }, 2_001)).toBe('red');
  });

  it('tells a case that went from green to red between two sweeps 严重超时 alone, and then nothing', () => {
    expect(lightNoticeAt('in_progress', clock, undefined, 3_000)).toBe('red');
    const told = lightNoticedAfter('red', clock, undefined);
    expect(told).toEqual({ deadlineAt: 1_000, redAt: 2_000 });
    expect(lightNoticeAt('in_progress', clock, told, 9_000)).toBeUndefined();
  });
});

describe('the messages of a notice', () => {
  const subject = { reportId: 'r1', categoryName: '环境卫生', ownerName: '城关社区第3网格', status: 'accepted' as const, clock };

  it('one per person under an id naming the change and its instant; the centre above is asked to 督办', () => {
    const messages = lightNoticeMessages(
      subject,
      'red',
      [
        { personId: 'u-w', openid: 'o-w', capacity: 'owner' },
        { personId: 'u-w', openid: 'o-w', capacity: 'supervisor' },
        { personId: 'u-c', openid: 'o-c', capacity: 'supervisor' },
      ],
      5_000,
    );
    expect(messages.map((m) => [m._id, m.title])).toEqual([
      ['r1:red-2000:u-w', '案件严重超时'],
      ['r1:red-2000:u-c', '下级案件严重超时，请督办'],
    ]);
    expect(messages[0]).toMatchObject({ kind: 'red', openReportId: 'r1', at: 5_000, read: false, rateRequested: false });
    expect(messages[1]?.body).toContain('城关社区第3网格的「环境卫生」已严重超时（办理时限');
  });

  it('names the acceptance limit for a case not yet accepted', () => {
    const [message] = lightNoticeMessages(
      { ...subject, status: 'submitted' },
      'overdue',
      [{ personId: 'u', openid: 'o', capacity: 'owner' }],
      0,
    );
    expect(message?._id).toBe('r1:overdue-1000:u');
    expect(message?.body).toMatch(/^城关社区第3网格的「环境卫生」已超过受理时限（1970年01月01日 08:00到期），请尽快处理。$/);
  });

  it('staff kinds are told apart from a reporter’s', () => {
    expect(isStaffMessageKind('red')).toBe(true);
    expect(isStaffMessageKind('accepted')).toBe(false);
  });
});

describe('the centre above the owner', () => {
  it('is the owner’s parent on its region path, and none above the county', () => {
    expect(supervisingCodeOf({ ownerLevel: 'grid', regionPath: path })).toBe('410399001001');
    expect(supervisingCodeOf({ ownerLevel: 'community', regionPath: path })).toBe('410399001');
    expect(supervisingCodeOf({ ownerLevel: 'street', regionPath: path })).toBe('410399');
    expect(supervisingCodeOf({ ownerLevel: 'county', regionPath: path })).toBeUndefined();
  });
});
