import { inboxFilterOf } from '../../../cloudfunctions/src/reports/inbox-filter';

const NOW = Date.UTC(2025, 0, 6, 2);
const MINE = { by: 'owner', codes: ['410399001001-03'] } as const;

describe('the inbox request as a query', () => {
  it('asks for every open status by default, and for the one asked otherwise', () => {
    expect(inboxFilterOf({}, MINE, 'u-me', NOW)?.statuses).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved']);
    expect(inboxFilterOf({ status: 'open' }, MINE, 'u-me', NOW)?.statuses).toHaveLength(5);
    expect(inboxFilterOf({ status: 'closed' }, MINE, 'u-me', NOW)?.statuses).toEqual(['closed']);
  });

  it('reads a light as ranges on the stored instants, over running clocks only', () => {
    expect(inboxFilterOf({ light: 'yellow' }, MINE, 'u-me', NOW)).toEqual({
      scope: MINE,
      statuses: ['submitted', 'accepted', 'assigned', 'in_progress'],
      deadlineAt: { lt: NOW },
      redAt: { gte: NOW },
    });
    expect(inboxFilterOf({ light: 'red', status: 'resolved' }, MINE, 'u-me', NOW)).toBeUndefined();
  });

  it('makes nobody’s a status condition, and someone’s the assigned statuses with their id', () => {
    expect(inboxFilterOf({ assignee: 'none' }, MINE, 'u-me', NOW)?.statuses).toEqual(['submitted', 'accepted']);
    expect(inboxFilterOf({ assignee: 'me' }, MINE, 'u-me', NOW)).toMatchObject({
      statuses: ['assigned', 'in_progress', 'resolved'],
      assigneeId: 'u-me',
    });
    expect(inboxFilterOf({ assignee: { personId: 'u-other' }, status: 'closed' }, MINE, 'u-me', NOW)).toMatchObject({
      statuses: ['closed'],
      assigneeId: 'u-other',
    });
    expect(inboxFilterOf({ assignee: 'none', status: 'in_progress' }, MINE, 'u-me', NOW)).toBeUndefined();
  });

  it('narrows to one category', () => {
    expect(inboxFilterOf({ categoryCode: 'ZAXS' }, MINE, 'u-me', NOW)?.categoryCodes).toEqual(['ZAXS']);
  });

  it('asks for the workbench’s 办理中 statuses as a group', () => {
    expect(inboxFilterOf({ status: 'handling' }, MINE, 'u-me', NOW)?.statuses).toEqual(['accepted', 'assigned', 'in_progress']);
    expect(inboxFilterOf({ status: 'handling', assignee: 'none' }, MINE, 'u-me', NOW)?.statuses).toEqual(['accepted']);
  });

  it('asks 即将超时 and 已超时 as running clocks with a deadline range, the workbench count’s condition', () => {
    const HOUR = 3_600_000;
    expect(inboxFilterOf({ due: 'soon' }, MINE, 'u-me', NOW)).toEqual({
      scope: MINE,
      statuses: ['submitted', 'accepted', 'assigned', 'in_progress'],
      deadlineAt: { gte: NOW, lt: NOW + 4 * HOUR },
    });
    expect(inboxFilterOf({ due: 'overdue', light: 'yellow' }, MINE, 'u-me', NOW)).toMatchObject({
      deadlineAt: { lt: NOW },
      redAt: { gte: NOW },
    });
    expect(inboxFilterOf({ due: 'soon', light: 'green' }, MINE, 'u-me', NOW)?.deadlineAt).toEqual({ gte: NOW, lt: NOW + 4 * HOUR });
  });

  it('asks nothing when a due filter cannot hold with the rest', () => {
    expect(inboxFilterOf({ due: 'soon', light: 'yellow' }, MINE, 'u-me', NOW)).toBeUndefined();
    expect(inboxFilterOf({ due: 'overdue', status: 'resolved' }, MINE, 'u-me', NOW)).toBeUndefined();
  });
});
