import { readdirSync } from 'node:fs';
import { shanghaiDayKey, upcomingSlots, type GridService } from '@pingan/shared';
import { join } from 'node:path';
import { pointInGrid } from '../helpers/demo-points';
import { DEMO, draftKey, reportEvent, startFunctionsCloud, type Answer, type FunctionsCloud } from '../helpers/functions-cloud';
import { AUTHORIZATION_MATRIX, CALLERS, matrixCells, type MatrixCell, type Outcome } from './authorization-matrix';
import { GRID_A, GRID_B, handledReportIn, newcomerOpenid, reportIn, type Grid } from './report-fixtures';
import { caseMovedTo, GRID_WORKER, type HandlingStatus } from './handling-fixtures';
import { orderIn } from './order-fixtures';
import { completionUpload, orderMovedTo, type MovedOrderStatus } from './order-move-fixtures';
import { claimedTaskIn, pendingApplicationIn, postedTaskIn, registration, volunteerOfB } from './volunteer-fixtures';
import { informantApplication, pendingInformantIn } from './informant-fixtures';
import { escalatedHelpCallIn, helpCallIn, retireHelpCall } from './help-fixtures';
import { MARKET_FUNCTIONS, marketOutcome } from './market-fixtures';

/**
 * Runs authorization-matrix.ts: each cell is one call by that caller on that subject, whose outcome
 * must be the table's. Subjects are made per cell where the call changes them (accept, reject), and
 * shared otherwise.
 */
const FUNCTIONS = readdirSync(join(__dirname, '../../../cloudfunctions/src/functions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const CHANGES_ITS_SUBJECT = new Set([
  'acceptReport',
  'rejectReport',
  'withdrawReport',
  'verifyReport',
  'rateReport',
  'reopenReport',
  // A follow lets its follower read the report: a shared subject would change other functions' cells.
  'followReport',
  'unfollowReport',
]);
/** The status a function's subject must have, where it is not a submitted report. */
const SUBJECT_STATUS: Record<string, 'resolved' | 'closed' | 'rated'> = {
  verifyReport: 'resolved',
  rateReport: 'closed',
  reopenReport: 'rated',
};
/** Assign, start and resolve act on a fresh case per cell, moved on through the real functions to where they apply. */
const MOVED_TO: Record<string, HandlingStatus> = {
  assignReport: 'accepted',
  reassignReport: 'assigned',
  startReport: 'assigned',
  resolveReport: 'in_progress',
  // 上报上级, 下派, 督办 and its answer act on an accepted case (then escalated or supervised: THEN).
  escalateReport: 'accepted',
  handBackReport: 'accepted',
  superviseReport: 'accepted',
  answerSupervision: 'accepted',
};
/** What happens to a function's subject once moved: escalated to the community by its 网格员, or under the community centre's 督办. */
const THEN: Record<string, { fn: string; event: Record<string, unknown>; by: (grid: Grid) => string }> = {
  handBackReport: { fn: 'escalateReport', event: { reason: '需社区协调' }, by: (grid) => GRID_WORKER[grid].openid },
  answerSupervision: { fn: 'superviseReport', event: { note: '请尽快办结' }, by: () => DEMO.communityCentre },
};
/** Each grid's 网格长, to whom reassignReport hands the case its 网格员 holds. */
const GRID_LEADER: Record<Grid, string> = { [GRID_A]: 'u-grid-leader-03', [GRID_B]: 'u-grid-leader-09' };

/** Bulk assign acts on the same case as assignReport: accepted, one per cell. */
MOVED_TO.assignReports = 'accepted';

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ rateLimits: 'seeded' });
  for (const gridCode of [GRID_A, GRID_B])
    await cloud.data('saveGridServices', { gridCode, services: MATRIX_CATALOGUE }, DEMO.communityCentre);
  await volunteerOfB(cloud);
}, 120_000);
afterAll(async () => cloud?.stop());

const gridOf = (subject: string): Grid => (subject.startsWith('A') ? GRID_A : GRID_B);

/** Shared subjects, made once: a report in a grid by this caller (own) or by a newcomer (other's). */
const shared = new Map<string, Promise<string>>();
function subjectReport(cell: MatrixCell, openid: string): Promise<string> {
  const own = cell.subject.endsWith('own');
  const moving = MOVED_TO[cell.fn];
  if (moving) return movedCase(cell, moving, own ? openid : undefined);
  const reporter = own ? openid : undefined;
  const status = SUBJECT_STATUS[cell.fn];
  const make = () =>
    status ? handledReportIn(cloud, gridOf(cell.subject), status, reporter) : reportIn(cloud, gridOf(cell.subject), reporter);
  if (CHANGES_ITS_SUBJECT.has(cell.fn)) return make();
  const key = `${own ? openid : 'other'}@${gridOf(cell.subject)}`;
  if (!shared.has(key)) shared.set(key, make());
  return shared.get(key) as Promise<string>;
}

async function movedCase(cell: MatrixCell, moving: HandlingStatus, reporter: string | undefined): Promise<string> {
  const grid = gridOf(cell.subject);
  const reportId = await caseMovedTo(cloud, grid, moving, reporter);
  const then = THEN[cell.fn];
  if (then) await cloud.data(then.fn, { reportId, ...then.event }, then.by(grid));
  return reportId;
}

/** The grids' catalogue in the matrix: 助餐送餐 every day at 11:00 with room for every cell's booking. */
const MATRIX_CATALOGUE = [
  { serviceCode: 'ZCSC', slots: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '11:00', end: '12:00', capacity: 50 })) },
];
const matrixSlotKey = () => upcomingSlots(MATRIX_CATALOGUE[0] as GridService, Date.now())[0]?.key ?? '';
/** The order functions act on a fresh order per cell, booked in the subject grid by a newcomer. */
const ORDER_FUNCTIONS = new Set(['cancelOrder', 'dispatchOrder']);
/** The volunteers' functions act on a fresh subject per cell: a newcomer's pending application, a posted or a claimed task. */
const VOLUNTEER_SUBJECTS: Record<string, (grid: Grid) => Promise<string>> = {
  reviewVolunteer: (grid) => pendingApplicationIn(cloud, grid, newcomerOpenid('applicant')),
  reviewInformant: (grid) => pendingInformantIn(cloud, grid, newcomerOpenid('informant')),
  claimOrder: (grid) => postedTaskIn(cloud, grid),
  withdrawOrder: (grid) => claimedTaskIn(cloud, grid),
  myTasks: (grid) => claimedTaskIn(cloud, grid),
  // 投诉建议: a newcomer's unanswered feedback (the grid plays no part).
  replyAppFeedback: () => newcomerFeedback(),
};

async function newcomerFeedback(): Promise<string> {
  const event = { kind: 'usage', text: '消息页面打不开，一直转圈', idempotencyKey: draftKey() };
  const { feedback } = await cloud.data<{ feedback: { id: string } }>('submitAppFeedback', event, newcomerOpenid('feedback'));
  return feedback.id;
}

/** The second half of an order's life acts on a fresh order per cell, moved on to where the function applies. */
const ORDER_MOVED_TO: Record<string, MovedOrderStatus> = {
  completeOrder: 'claimed',
  confirmOrder: 'completed',
  disputeOrder: 'completed',
  settleOrder: 'disputed',
  rateOrder: 'confirmed',
  orderDetail: 'claimed',
};
/** completeOrder's photo per order: uploaded by the one who holds it, so only the refusals tell the cells apart. */
const COMPLETION_PHOTOS = new Map<string, { photo: string; uploadKey: string }>();
async function movedOrderIn(fn: string, grid: Grid): Promise<string> {
  const moved = await orderMovedTo(cloud, grid, ORDER_MOVED_TO[fn] as MovedOrderStatus);
  if (fn === 'completeOrder') COMPLETION_PHOTOS.set(moved.orderId, await completionUpload(cloud, moved.claimant));
  return moved.orderId;
}
for (const fn of Object.keys(ORDER_MOVED_TO)) VOLUNTEER_SUBJECTS[fn] = (grid) => movedOrderIn(fn, grid);

function eventFor(cell: MatrixCell, reportId: string | undefined, subjectId?: string): unknown {
  switch (cell.fn) {
    case 'joinGrid':
      return { gridCode: gridOf(cell.subject) };
    case 'submitReport':
      return reportEvent({ location: pointInGrid(gridOf(cell.subject)) });
    case 'uploadSlot':
      return { purpose: 'report', key: draftKey() };
    case 'acceptReport':
      return { reportId, note: '情况属实' };
    case 'rejectReport':
      return { reportId, reason: 'invalid', note: '不属实' };
    case 'reverseAward':
      return { reportId, cause: 'invalid', note: '核实无效' };
    case 'verifyReport':
      return { reportId, decision: 'close', note: '现场核实已整改' };
    case 'rateReport':
      return { reportId, satisfaction: 5, comment: '处理得很快' };
    case 'reopenReport':
      return { reportId, note: '垃圾又堆起来了' };
    case 'assignReport': // to the grid's 网格员: his own case to take, anyone else's to hand on
      return { reportId, to: { kind: 'person', personId: GRID_WORKER[gridOf(cell.subject)].id }, note: '请尽快处理' };
    case 'reassignReport':
      return { reportId, to: { kind: 'person', personId: GRID_LEADER[gridOf(cell.subject)] }, reason: '改由网格长办理' };
    case 'escalateReport':
      return { reportId, reason: '需社区协调' };
    case 'handBackReport': // back down to the grid it came from
      return { reportId, gridCode: gridOf(cell.subject), reason: '属网格职责' };
    case 'superviseReport':
      return { reportId, note: '请三日内办结' };
    case 'answerSupervision':
      return { reportId, note: '已安排，明天办结' };
    case 'nearbyReports':
      return { categoryCode: 'HJWS', location: pointInGrid(GRID_A) };
    case 'startReport':
      return { reportId, note: '已到现场' };
    case 'resolveReport':
      return { reportId, note: '已处理', photos: [], uploadKey: draftKey() };
    case 'assignReports': // assignReport's event, for one case
      return { reportIds: [reportId], to: { kind: 'person', personId: GRID_WORKER[gridOf(cell.subject)].id }, note: '请尽快处理' };
    case 'responseTemplates':
      return { gridCode: gridOf(cell.subject) };
    case 'regionShapes':
      return { level: 'grid', code: gridOf(cell.subject) };
    case 'performance':
    case 'performanceCsv':
      return { level: 'grid', code: gridOf(cell.subject), from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), by: 'units' };
    case 'settlementCsv':
      return { monthKey: '2020-01' };
    case 'adjustPoints':
      return { personId: GRID_WORKER[gridOf(cell.subject)].id, unit: 'point', amount: 5, reason: '补记服务', key: draftKey() };
    case 'performanceTrend':
      return { level: 'grid', code: gridOf(cell.subject), months: 3 };
    case 'saveResponseTemplates':
      return { gridCode: gridOf(cell.subject), action: 'accept', texts: ['已受理，尽快处理'] };
    case 'markMessagesRead':
      return { all: true };
    case 'myStatement':
      return { monthKey: '2026-11' };
    case 'clockSweep': // the event its timer sends
      return { Type: 'timer', TriggerName: 'everyMinute', Time: '2030-01-01T00:00:00Z' };
    case 'settleMonth':
      return { Type: 'timer', TriggerName: 'monthlyOnThe1st', Time: '2030-01-01T00:00:00Z' };
    case 'gridServices':
      return { gridCode: gridOf(cell.subject) };
    case 'saveGridServices':
      return { gridCode: gridOf(cell.subject), services: MATRIX_CATALOGUE };
    case 'bookService':
      return { idempotencyKey: draftKey(), serviceCode: 'ZCSC', slotKey: matrixSlotKey(), address: '幸福路 3 号' };
    case 'cancelOrder':
      return { orderId: subjectId, note: '不需要了' };
    case 'dispatchOrder':
      return { orderId: subjectId, mode: 'hall' };
    case 'registerVolunteer':
      return registration(gridOf(cell.subject));
    case 'reviewVolunteer':
      return { gridCode: gridOf(cell.subject), personId: subjectId, decision: 'approve' };
    case 'applyInformant':
      return informantApplication(gridOf(cell.subject));
    case 'reviewInformant':
      return { gridCode: gridOf(cell.subject), personId: subjectId, decision: 'approve' };
    case 'volunteerApplications':
    case 'informantApplications':
    case 'taskHall':
      return { gridCode: gridOf(cell.subject) };
    case 'postTask':
      return {
        idempotencyKey: draftKey(),
        gridCode: gridOf(cell.subject),
        taskKind: 'mediation',
        address: '调解室',
        date: shanghaiDayKey(Date.now() + 86_400_000),
        start: '09:00',
        end: '10:00',
      };
    case 'claimOrder':
    case 'withdrawOrder':
      return { orderId: subjectId };
    case 'gridOrders':
      return { gridCode: gridOf(cell.subject), status: 'booked' };
    case 'completeOrder': {
      const upload = COMPLETION_PHOTOS.get(subjectId ?? '');
      return { orderId: subjectId, note: '已上门服务', photos: upload ? [upload.photo] : [], uploadKey: upload?.uploadKey ?? draftKey() };
    }
    case 'confirmOrder':
    case 'orderDetail':
      return { orderId: subjectId };
    case 'disputeOrder':
      return { orderId: subjectId, note: '没有做完' };
    case 'settleOrder':
      return { orderId: subjectId, decision: 'notDone', note: '核实未完成' };
    case 'rateOrder':
      return { orderId: subjectId, satisfaction: 4, comment: '还行' };
    case 'submitAppFeedback':
      return { kind: 'suggestion', text: '希望字能再大一点', idempotencyKey: draftKey() };
    case 'replyAppFeedback':
      return { feedbackId: subjectId, reply: '已收到，谢谢您的建议' };
    case 'saveHelpProfile':
      return { tags: ['高龄', '独居'], note: '药在床头柜', phone: '13900001111' };
    case 'myReports':
    case 'inbox':
      return { limit: 50 };
    default:
      return reportId === undefined ? {} : { reportId };
  }
}

/** The list function's pages, all of them, until the subject (a report, or a task for myTasks) shows up or the list ends. */
async function listOutcome(cell: MatrixCell, openid: string, reportId: string): Promise<Outcome> {
  let cursor: string | undefined;
  do {
    const answer = await cloud.call<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      cell.fn,
      { limit: 50, ...(cursor && { cursor }) },
      openid,
    );
    if (!answer.ok) return answer.code as Outcome;
    if (answer.data.items.some((item) => item.id === reportId)) return 'listed';
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor);
  return 'unlisted';
}

/** The functions that read the caller's joined grid, which the joinGrid cells move: each cell starts from the fixture's. */
const JOINED_GRID_FUNCTIONS = new Set(['gridServices', 'bookService', ...MARKET_FUNCTIONS]);
/** Who lives in grid A in the fixture; staff and centres have joined none. */
const LIVES_IN_A = new Set(['resident', 'otherResident', 'informant', 'volunteer']);

async function restoreJoinedGrid(cell: MatrixCell, openid: string): Promise<void> {
  const _ = cloud.db().command;
  await cloud
    .db()
    .collection('users')
    .where({ openid })
    .update({ data: { joinedGridCode: LIVES_IN_A.has(cell.role) ? GRID_A : _.remove() } });
}

/**
 * 一键求助's functions act on a fresh call per cell (help-fixtures.ts): raised in the subject grid by a newcomer,
 * then the caller's (own) or gone up to the community (escalated); ended after the cell, whatever it did, so
 * the grids' open calls stay few and nobody's one open call is held.
 */
const HELP_CALL_EVENTS: Record<string, (callId: string) => Record<string, unknown>> = {
  cancelHelp: (callId) => ({ callId, note: '我已安全' }),
  acknowledgeHelp: (callId) => ({ callId, note: '马上到' }),
  closeHelp: (callId) => ({ callId, note: '已送医' }),
  helpCallDetail: (callId) => ({ callId }),
  openHelpCalls: () => ({}),
  myHelp: () => ({}),
};

async function helpOutcome(cell: MatrixCell, openid: string): Promise<Outcome> {
  const grid = gridOf(cell.subject);
  const callId = cell.subject.endsWith('escalated')
    ? await escalatedHelpCallIn(cloud, grid)
    : await helpCallIn(cloud, grid, cell.subject.endsWith('own') ? openid : undefined);
  try {
    const answer = await cloud.call<{ items?: Array<{ id: string }>; recent?: Array<{ id: string }> }>(
      cell.fn,
      HELP_CALL_EVENTS[cell.fn]?.(callId),
      openid,
    );
    if (!answer.ok) return answer.code as Outcome;
    if (cell.fn === 'openHelpCalls' || cell.fn === 'myHelp') {
      const listed = (answer.data.items ?? answer.data.recent ?? []).some((call) => call.id === callId);
      return listed ? 'listed' : 'unlisted';
    }
    return 'ok';
  } finally {
    await retireHelpCall(cloud, callId);
  }
}

/** raiseHelp from a point of the subject grid: routed there, then taken back by the caller, so their next press raises anew. */
async function raiseOutcome(cell: MatrixCell, openid: string): Promise<Outcome> {
  const grid = gridOf(cell.subject);
  const answer = await cloud.call<{ call: { id: string } }>(
    'raiseHelp',
    { idempotencyKey: draftKey(), location: pointInGrid(grid) },
    openid,
  );
  if (!answer.ok) return answer.code as Outcome;
  const stored = await cloud.get<{ placeCode: string; requesterOpenid: string }>('helpCalls', answer.data.call.id);
  await retireHelpCall(cloud, answer.data.call.id);
  if (stored?.placeCode !== grid || stored.requesterOpenid !== openid)
    return `raised for ${stored?.requesterOpenid} in ${stored?.placeCode}` as Outcome;
  return 'ok';
}

async function outcomeOf(cell: MatrixCell): Promise<Outcome> {
  const openid = CALLERS[cell.role] ?? newcomerOpenid('stranger');
  if (cell.fn in HELP_CALL_EVENTS && cell.subject !== '-') return helpOutcome(cell, openid);
  if (cell.fn === 'raiseHelp') return raiseOutcome(cell, openid);
  if (JOINED_GRID_FUNCTIONS.has(cell.fn)) await restoreJoinedGrid(cell, openid);
  if (MARKET_FUNCTIONS.includes(cell.fn)) return marketOutcome(cloud, cell, openid);
  const reportId = cell.subject.includes(',') ? await subjectReport(cell, openid) : undefined;
  const orderId = ORDER_FUNCTIONS.has(cell.fn)
    ? await orderIn(cloud, gridOf(cell.subject), newcomerOpenid('requester'))
    : await VOLUNTEER_SUBJECTS[cell.fn]?.(gridOf(cell.subject));
  if (reportId !== undefined && (cell.fn === 'myReports' || cell.fn === 'inbox')) return listOutcome(cell, openid, reportId);
  if (orderId !== undefined && cell.fn === 'myTasks') return listOutcome(cell, openid, orderId);
  const answer: Answer = await cloud.call(cell.fn, eventFor(cell, reportId, orderId), openid);
  // Bulk assign answers each case: the cell is its one case's outcome.
  if (cell.fn === 'assignReports' && answer.ok) {
    const [only] = (answer.data as { results: Array<{ ok: boolean; code?: string }> }).results;
    return only?.ok ? 'ok' : (only?.code as Outcome);
  }
  return answer.ok ? 'ok' : (answer.code as Outcome);
}

describe('the authorization matrix', () => {
  it('has rows for every cloud function, for every kind of caller', () => {
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual(FUNCTIONS);
    for (const rows of Object.values(AUTHORIZATION_MATRIX)) expect(Object.keys(rows).sort()).toEqual(Object.keys(CALLERS).sort());
  });

  it.each(matrixCells().map((cell) => [cell.fn, cell.role, cell.subject, cell.expected, cell] as const))(
    '%s by %s on %s: %s',
    async (_fn, _role, _subject, expected, cell) => {
      expect(await outcomeOf(cell)).toBe(expected);
    },
  );
});
