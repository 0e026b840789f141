import { messageKindOf, messagesFor, shanghaiDateTime, templateValuesOf, type ReportEvent } from '@pingan/shared';

const AT = Date.UTC(2026, 11, 1, 6, 5); // 14:05 in Shanghai
const subject = { reportId: 'r1', reporterId: 'u-reporter', categoryName: '环境卫生' };
const reporter = { personId: 'u-reporter', openid: 'o-reporter' };
const follower = { personId: 'u-follower', openid: 'o-follower' };
const event = (fields: Partial<ReportEvent> & Pick<ReportEvent, 'type' | 'status'>): ReportEvent => ({
  seq: 3,
  at: AT,
  actorId: 'u-worker',
  ...fields,
});

describe('messagesFor', () => {
  it('tells the reporter and each follower of 受理, in their own words, under ids made of report, step and person', () => {
    const messages = messagesFor(subject, event({ type: 'accepted', status: 'accepted' }), [reporter, follower]);
    expect(messages.map((m) => [m._id, m.recipientOpenid, m.title])).toEqual([
      ['r1:3:u-reporter', 'o-reporter', '您的上报已受理'],
      ['r1:3:u-follower', 'o-follower', '您关注的上报已受理'],
    ]);
    expect(messages[0]).toMatchObject({ kind: 'accepted', reportId: 'r1', openReportId: 'r1', at: AT, read: false, rateRequested: false });
    expect(messages[0]?.body).toBe('「环境卫生」已受理，正在安排处理。');
  });

  it('gives the same messages for the same change, so writing them again changes nothing', () => {
    const change = event({ type: 'resolved', status: 'resolved', note: '已清理' });
    expect(messagesFor(subject, change, [reporter, follower])).toEqual(messagesFor(subject, change, [reporter, follower]));
  });

  it('says why a report was not accepted, with the staff note, and opens the original of a duplicate', () => {
    const [scope] = messagesFor(
      subject,
      event({ type: 'rejected', status: 'rejected', rejection: { reason: 'out_of_scope' }, note: '属于物业' }),
      [reporter],
    );
    expect(scope).toMatchObject({ title: '您的上报未予受理', openReportId: 'r1' });
    expect(scope?.body).toBe('「环境卫生」不属于网格受理范围，可拨打 12345 热线反映。说明：属于物业');
    const [duplicate] = messagesFor(
      subject,
      event({ type: 'rejected', status: 'rejected', rejection: { reason: 'duplicate', duplicateOf: 'r0' } }),
      [reporter],
    );
    expect(duplicate).toMatchObject({ reportId: 'r1', openReportId: 'r0' });
    expect(duplicate?.body).toContain('已并入原上报');
  });

  it('asks the reporter, and only the reporter, to rate at 结案', () => {
    const [own, followed] = messagesFor(subject, event({ type: 'closed', status: 'closed' }), [reporter, follower]);
    expect(own).toMatchObject({ title: '您的上报已结案，请评价', rateRequested: true });
    expect(own?.body).toContain('请为这次办理评价');
    expect(followed).toMatchObject({ title: '您关注的上报已结案', rateRequested: false });
    expect(followed?.body).not.toContain('评价');
  });

  it('tells nobody of steps inside the case, nor the person who made the change, nor anyone twice', () => {
    for (const type of ['submitted', 'assigned', 'started', 'reworked', 'rated', 'reopened', 'escalated'] as const) {
      expect(messageKindOf({ type })).toBeUndefined();
      expect(messagesFor(subject, event({ type, status: 'accepted' }), [reporter])).toEqual([]);
    }
    const ownAcceptance = event({ type: 'accepted', status: 'accepted', actorId: 'u-reporter' }); // 巡查上报 → 自行受理
    expect(messagesFor(subject, ownAcceptance, [reporter, follower, follower]).map((m) => m.recipientId)).toEqual(['u-follower']);
  });
});

describe('templateValuesOf', () => {
  it('fills a template with the category, a status word, Shanghai time, a hint and the note', () => {
    const change = event({ type: 'closed', status: 'closed', note: '已整改' });
    const [message] = messagesFor(subject, change, [reporter]);
    expect(templateValuesOf(message!, subject, change)).toEqual({
      category: '环境卫生',
      status: '已结案',
      time: '2026年12月01日 14:05',
      hint: '请点击为办理结果评价',
      note: '已整改',
    });
    expect(shanghaiDateTime(Date.UTC(2026, 11, 31, 16, 30))).toBe('2027年01月01日 00:30');
  });
});
