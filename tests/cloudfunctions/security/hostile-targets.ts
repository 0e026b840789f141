import fc from 'fast-check';
import { CONTRACTS, REPORT_STATUSES, gridCodeFromScene, shanghaiDayKey, upcomingSlots, type ContractName } from '@pingan/shared';
import { DEMO, PLACES, draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { GRID_A, GRID_B, handledReportIn, newcomerOpenid, reportIn } from './report-fixtures';
import { pointInGrid } from '../helpers/demo-points';
import { caseMovedTo } from './handling-fixtures';
import { bookedOrder } from './order-fixtures';
import { completionUpload, orderMovedTo } from './order-move-fixtures';
import { claimedTaskIn, GRID_VOLUNTEER, pendingApplicationIn, postedTaskIn } from './volunteer-fixtures';
import { helpCallIn, retireHelpCall } from './help-fixtures';
import { MARKET_TARGETS, prepareMarketFixtures } from './market-targets';
import { FEEDBACK_TARGETS, prepareFeedbackFixtures } from './feedback-targets';
import { pendingInformantIn } from './informant-fixtures';

/**
 * For every function, a valid event to corrupt, who calls, which collections a successful call may
 * write, and what a successful answer must be. A valid event names fixtures by marker ('<report>' …),
 * replaced with the current fixture's id just before the call, so a failing run prints readably.
 */
export interface Fixtures {
  /** A submitted report in grid A by a newcomer: the one acceptReport / rejectReport act on (renewed once used). */
  report: string;
  /** A report in grid A that stays submitted: the original of a duplicate, duplicateCandidates' subject. */
  original: string;
  /** A report in grid B: grid A's staff may not see it. */
  elsewhere: string;
  /** A report of DEMO.resident's. */
  mine: string;
  /** A report of DEMO.otherResident's, which DEMO.resident may not see. */
  theirs: string;
  /** A resolved case in grid A (by its 网格员): the one verifyReport acts on (renewed once used). */
  resolved: string;
  /** Cases in grid A taken by its 网格员 to accepted, assigned (to himself) and in_progress: what assign, start and resolve act on (renewed once used). */
  accepted: string;
  assigned: string;
  inProgress: string;
  /** A closed case of DEMO.resident's in grid A: the one rateReport acts on (renewed once used). */
  closed: string;
  /** A case of DEMO.resident's in grid A, closed and rated 不满意: the one reopenReport acts on (renewed once used). */
  unhappy: string;
  /** A submitted report of DEMO.resident's in grid A: the one withdrawReport acts on (renewed once used). */
  withdrawable: string;
  /** An accepted case in grid A under the community centre's 督办: the one answerSupervision acts on (renewed once used). */
  supervised: string;
  /** A case of grid A escalated to its community: the one handBackReport acts on (renewed once used). */
  escalated: string;
  /** A booked service order of DEMO.resident's in grid A: the one cancelOrder acts on (renewed once used). */
  order: string;
  /** A booked service order of DEMO.otherResident's in grid A: the one dispatchOrder acts on (renewed once used). */
  dispatchable: string;
  /** A task in grid A's hall: the one claimOrder acts on (renewed once used). */
  posted: string;
  /** A task of grid A claimed by its volunteer 王建国: the one withdrawOrder acts on (renewed once used). */
  claimed: string;
  /** The person id of a newcomer's pending application to grid A: the one reviewVolunteer decides (renewed once used). */
  applicant: string;
  /** The person id of a newcomer's pending 信息员 application to grid A: the one reviewInformant decides (renewed once used). */
  informantApplicant: string;
  /**
   * DEMO.resident's orders in grid A served by its 网格员 herself, at each step of the second half of their life
   * (renewed once used): claimed (completeOrder's, with her photo and its key; orderDetail's), completed
   * (confirmOrder's and disputeOrder's), disputed (settleOrder's), confirmed (rateOrder's).
   */
  servedOrder: string;
  completionPhoto: string;
  completionKey: string;
  completedOrder: string;
  disputedOrder: string;
  confirmedOrder: string;
  /** A newcomer's open help call in grid A: the one acknowledgeHelp and closeHelp act on (renewed once used). */
  helpCall: string;
  /** A newcomer's open help call in grid B: grid A's staff answer it not. */
  helpElsewhere: string;
  /** An open help call of DEMO.resident's in grid A: the one cancelHelp acts on (renewed once used). */
  helpMine: string;
}

export interface OkCheck {
  cloud: FunctionsCloud;
  fixtures: Fixtures;
  caller: string;
  /** The event as sent (markers replaced). */
  event: unknown;
  data: Record<string, unknown>;
  /** The collections whose document counts changed, and by how much. */
  added: Record<string, number>;
}

export interface HostileTarget {
  valid: fc.Arbitrary<Record<string, unknown>>;
  caller(pick: number): string;
  /** Collections a successful call may write. */
  mayWrite: readonly string[];
  /**
   * Collections a refused call may still write: only the rate-limit bookkeeping, for a submit refused
   * after its place was counted. Without it, a refused call writes nothing at all.
   */
  refusalMayWrite?: readonly string[];
  /** Open-API records (files under the local cloud's data dir) a successful call may append to: the subscribe messages it sent. */
  mayRecord?: readonly string[];
  /** Throws unless a successful answer is the caller's own, and its write is what the valid call writes. */
  checkOk(check: OkCheck): Promise<void>;
}

const MARKERS = [
  '<report>',
  '<original>',
  '<elsewhere>',
  '<mine>',
  '<theirs>',
  '<resolved>',
  '<closed>',
  '<accepted>',
  '<assigned>',
  '<inProgress>',
  '<withdrawable>',
  '<unhappy>',
  '<supervised>',
  '<escalated>',
  '<order>',
  '<dispatchable>',
  '<posted>',
  '<claimed>',
  '<applicant>',
  '<informantApplicant>',
  '<servedOrder>',
  '<completionPhoto>',
  '<completionKey>',
  '<completedOrder>',
  '<disputedOrder>',
  '<confirmedOrder>',
  '<helpCall>',
  '<helpElsewhere>',
  '<helpMine>',
  '<key>',
] as const;

/** The event with its top-level markers replaced (markers only ever sit there: the valid events are flat). */
export function withFixtures(event: unknown, fixtures: Fixtures): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const byMarker: Record<string, () => string> = {
    '<report>': () => fixtures.report,
    '<original>': () => fixtures.original,
    '<elsewhere>': () => fixtures.elsewhere,
    '<mine>': () => fixtures.mine,
    '<theirs>': () => fixtures.theirs,
    '<resolved>': () => fixtures.resolved,
    '<closed>': () => fixtures.closed,
    '<accepted>': () => fixtures.accepted,
    '<assigned>': () => fixtures.assigned,
    '<inProgress>': () => fixtures.inProgress,
    '<withdrawable>': () => fixtures.withdrawable,
    '<unhappy>': () => fixtures.unhappy,
    '<supervised>': () => fixtures.supervised,
    '<escalated>': () => fixtures.escalated,
    '<order>': () => fixtures.order,
    '<dispatchable>': () => fixtures.dispatchable,
    '<posted>': () => fixtures.posted,
    '<claimed>': () => fixtures.claimed,
    '<applicant>': () => fixtures.applicant,
    '<informantApplicant>': () => fixtures.informantApplicant,
    '<servedOrder>': () => fixtures.servedOrder,
    '<completionPhoto>': () => fixtures.completionPhoto,
    '<completionKey>': () => fixtures.completionKey,
    '<completedOrder>': () => fixtures.completedOrder,
    '<disputedOrder>': () => fixtures.disputedOrder,
    '<confirmedOrder>': () => fixtures.confirmedOrder,
    '<helpCall>': () => fixtures.helpCall,
    '<helpElsewhere>': () => fixtures.helpElsewhere,
    '<helpMine>': () => fixtures.helpMine,
    '<key>': draftKey,
  };
  for (const key of Object.keys(event)) {
    const value = (event as Record<string, unknown>)[key];
    if (typeof value === 'string' && (MARKERS as readonly string[]).includes(value)) {
      Object.defineProperty(event, key, { value: byMarker[value]?.(), enumerable: true, writable: true, configurable: true });
    }
    // …and inside a top-level list (assignReports' reportIds).
    if (Array.isArray(value) && value.some((item) => typeof item === 'string' && (MARKERS as readonly string[]).includes(item))) {
      const replaced = value.map((item) =>
        typeof item === 'string' && (MARKERS as readonly string[]).includes(item) ? byMarker[item]?.() : item,
      );
      Object.defineProperty(event, key, { value: replaced, enumerable: true, writable: true, configurable: true });
    }
  }
  return event;
}

/**
 * The reports the valid events name, and one of the informant's accepted (so that myPoints has a
 * balance an impersonation would change).
 */
export async function makeFixtures(cloud: FunctionsCloud): Promise<Fixtures> {
  const paid = await reportIn(cloud, GRID_A, DEMO.informant);
  await cloud.data('acceptReport', { reportId: paid }, DEMO.gridWorker);
  await prepareMarketFixtures(cloud);
  await prepareFeedbackFixtures(cloud);
  return {
    report: await reportIn(cloud, GRID_A),
    original: await reportIn(cloud, GRID_A),
    elsewhere: await reportIn(cloud, GRID_B),
    mine: await reportIn(cloud, GRID_A, DEMO.resident),
    theirs: await reportIn(cloud, GRID_A, DEMO.otherResident),
    resolved: await handledReportIn(cloud, GRID_A, 'resolved'),
    closed: await handledReportIn(cloud, GRID_A, 'closed', DEMO.resident),
    accepted: await caseMovedTo(cloud, GRID_A, 'accepted'),
    assigned: await caseMovedTo(cloud, GRID_A, 'assigned'),
    inProgress: await caseMovedTo(cloud, GRID_A, 'in_progress'),
    withdrawable: await reportIn(cloud, GRID_A, DEMO.resident),
    unhappy: await handledReportIn(cloud, GRID_A, 'rated', DEMO.resident),
    supervised: await supervisedCase(cloud),
    escalated: await escalatedCase(cloud),
    order: await bookedOrder(cloud, DEMO.resident),
    dispatchable: await bookedOrder(cloud, DEMO.otherResident),
    posted: await postedTaskIn(cloud, GRID_A),
    claimed: await claimedTaskIn(cloud, GRID_A),
    applicant: await pendingApplicationIn(cloud, GRID_A, newcomerOpenid('applicant')),
    informantApplicant: await pendingInformantIn(cloud, GRID_A, newcomerOpenid('informant')),
    ...(await servedOrderFixture(cloud)),
    completedOrder: (await orderMovedTo(cloud, GRID_A, 'completed', DEMO.resident)).orderId,
    disputedOrder: (await orderMovedTo(cloud, GRID_A, 'disputed', DEMO.resident)).orderId,
    confirmedOrder: (await orderMovedTo(cloud, GRID_A, 'confirmed', DEMO.resident)).orderId,
    helpCall: await helpCallIn(cloud, GRID_A),
    helpElsewhere: await helpCallIn(cloud, GRID_B),
    helpMine: await helpCallIn(cloud, GRID_A, DEMO.resident),
  };
}

/** DEMO.resident's order grid A's 网格员 serves herself, and a photo she uploaded to complete it with. */
async function servedOrderFixture(cloud: FunctionsCloud): Promise<Pick<Fixtures, 'servedOrder' | 'completionPhoto' | 'completionKey'>> {
  const { orderId } = await orderMovedTo(cloud, GRID_A, 'claimed', DEMO.resident);
  const { photo, uploadKey } = await completionUpload(cloud, DEMO.gridWorker);
  return { servedOrder: orderId, completionPhoto: photo, completionKey: uploadKey };
}

/** An accepted case of grid A escalated by its 网格员 to the community (城关社区). */
async function escalatedCase(cloud: FunctionsCloud): Promise<string> {
  const reportId = await caseMovedTo(cloud, GRID_A, 'accepted');
  await cloud.data('escalateReport', { reportId, reason: '需社区协调' }, DEMO.gridWorker);
  return reportId;
}

/** An accepted case in grid A with the community centre's 督办 pending. */
async function supervisedCase(cloud: FunctionsCloud): Promise<string> {
  const reportId = await caseMovedTo(cloud, GRID_A, 'accepted');
  await cloud.data('superviseReport', { reportId, note: '请尽快办结' }, DEMO.communityCentre);
  return reportId;
}

/** What the function makes of the sent event: the contract's parse, as the function itself parses it. */
function parsed(name: ContractName, event: unknown): Record<string, unknown> {
  const result = CONTRACTS[name].request.safeParse(withoutUserInfo(event));
  if (!result.success) throw new Error(`${name} succeeded on an event its contract refuses: ${JSON.stringify(event).slice(0, 300)}`);
  return result.data as Record<string, unknown>;
}

/** The platform's `userInfo`, which functions drop before parsing (define-function.ts). */
function withoutUserInfo(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const { userInfo: _userInfo, ...rest } = event as Record<string, unknown>;
  return rest;
}

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

async function userOf(cloud: FunctionsCloud, openid: string): Promise<{ _id: string; joinedGridCode?: string }> {
  const [user] = await cloud.find<{ _id: string; joinedGridCode?: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid}`);
  return user;
}

/**
 * A read-only call's success must be exactly what the clean call answers: the same caller sending only
 * what the contract keeps of the event. An identity smuggled into the event that changed whose data
 * came back, or a field that widened a query, shows up as a difference (or as a clean call that fails).
 * `ignoring`: top-level fields that differ between any two calls (the moment a record is issued).
 */
function sameAsCleanCall(name: ContractName, ignoring: readonly string[] = []) {
  const kept = (answer: unknown) =>
    ignoring.length === 0 ? answer : Object.fromEntries(Object.entries(answer as object).filter(([key]) => !ignoring.includes(key)));
  return async ({ cloud, event, data, caller }: OkCheck) => {
    const clean = await cloud.call(name, parsed(name, event), caller);
    if (!clean.ok) throw new Error(`${name} answered ok to a hostile event, but ${clean.code} to its clean form`);
    expectThat(same(kept(data), kept(clean.data)), `${name} answered the hostile event other than its clean form`);
  };
}

/** Where the local cloud records subscribe messages (localcloud/src/openapi), as the write watch names it. */
const SUBSCRIBE_RECORD = ['/subscribe-messages.jsonl'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const readOnly = { mayWrite: [] as const };
const optionalLimit = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }).map((limit) => (limit === undefined ? {} : { limit }));
const note = fc.option(fc.constantFrom('已受理', '情况属实', '', '不属于本网格'), { nil: undefined });
const withNote = (event: Record<string, unknown>, text: string | undefined) => (text === undefined ? event : { ...event, note: text });

/** People who submit in turn (residents, an informant, a volunteer, staff), so no one caller's limit decides the test. */
const SUBMITTERS = [
  ...Array.from({ length: 12 }, (_, i) => `o-demo-resident-${String(i + 1).padStart(2, '0')}`),
  ...[
    'o-demo-informant-01',
    'o-demo-informant-02',
    'o-demo-volunteer-01',
    'o-demo-volunteer-02',
    DEMO.gridWorker,
    DEMO.police,
    DEMO.countyCentre,
  ],
];

export const HOSTILE_TARGETS: Record<string, HostileTarget> = {
  ...MARKET_TARGETS,
  ...FEEDBACK_TARGETS,
  me: { ...readOnly, valid: fc.constant({}), caller: () => DEMO.resident, checkOk: sameAsCleanCall('me') },
  catalog: { ...readOnly, valid: fc.constant({}), caller: () => DEMO.informant, checkOk: sameAsCleanCall('catalog') },
  myPoints: { ...readOnly, valid: optionalLimit, caller: () => DEMO.informant, checkOk: sameAsCleanCall('myPoints') },
  informantHome: { ...readOnly, valid: fc.constant({}), caller: () => DEMO.informant, checkOk: sameAsCleanCall('informantHome') },
  myStatements: { ...readOnly, valid: optionalLimit, caller: () => DEMO.informant, checkOk: sameAsCleanCall('myStatements') },
  myStatement: {
    ...readOnly,
    valid: fc.constantFrom('2026-01', '2026-11', '2030-12').map((monthKey) => ({ monthKey })),
    caller: () => DEMO.informant,
    checkOk: sameAsCleanCall('myStatement'),
  },
  myReports: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myReports') },
  myMessages: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myMessages') },
  myOrders: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myOrders') },
  gridServices: {
    ...readOnly,
    valid: fc.constantFrom({}, { gridCode: GRID_A }),
    caller: () => DEMO.resident,
    checkOk: sameAsCleanCall('gridServices'),
  },
  // Marks read only what is the caller's: the unread count it answers is the caller's own, as myMessages counts it.
  markMessagesRead: {
    valid: fc.oneof(fc.constant({ all: true }), fc.constant({ ids: ['r0000:1:u-resident-01', 'r0000:2:u-resident-02'] })),
    caller: () => DEMO.resident,
    mayWrite: ['messages'],
    async checkOk({ cloud, caller, data, added }) {
      const mine = await cloud.data<{ unread: number }>('myMessages', { limit: 1 }, caller);
      expectThat(data.unread === mine.unread && !added.messages, 'markMessagesRead answered another count, or added a message');
    },
  },
  // Run by its timer alone: with a caller, whatever the event, it is refused and writes nothing.
  clockSweep: {
    ...readOnly,
    valid: fc.constant({ Type: 'timer', TriggerName: 'everyMinute', Time: '2030-01-01T00:00:00Z' }),
    caller: () => DEMO.resident,
    async checkOk() {
      throw new Error('clockSweep ran for a caller');
    },
  },
  settleMonth: {
    ...readOnly,
    valid: fc.constant({ Type: 'timer', TriggerName: 'monthlyOnThe1st', Time: '2030-01-01T00:00:00Z' }),
    caller: () => DEMO.countyCentre,
    async checkOk() {
      throw new Error('settleMonth ran for a caller');
    },
  },
  // Undoes what an accepted case of grid A paid, by its 网格长: one reversal of that award, his, and nothing else written.
  reverseAward: {
    valid: fc
      .tuple(fc.constantFrom('invalid', 'duplicate'), fc.constantFrom('核实无效', '与另一条重复'))
      .map(([cause, note]) => ({ reportId: '<accepted>', cause, note })),
    caller: () => DEMO.gridLeader,
    // The reversal, and its event on the report's timeline (award_reversed).
    mayWrite: ['pointsLedger', 'reports'],
    async checkOk({ cloud, fixtures, data, added }) {
      const id = `reversal:${fixtures.accepted}`;
      const stored = await cloud.get<{ by?: string; reportId?: string }>('pointsLedger', id);
      const answered = (data as { reversal?: { id?: string } }).reversal?.id;
      const report = await cloud.get<{ events: { type: string; actorId: string }[] }>('reports', fixtures.accepted);
      const last = report?.events.at(-1);
      expectThat(
        answered === id && stored?.by === 'u-grid-leader-03' && added.pointsLedger === 1,
        'reverseAward reversed another award, or as someone else',
      );
      expectThat(
        last?.type === 'award_reversed' && last.actorId === 'u-grid-leader-03',
        "reverseAward left no event of its own on the report's timeline",
      );
      fixtures.accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    },
  },
  // Valid events the caller may not succeed with too ('<theirs>', '<elsewhere>'): an identity that got through would turn them into answers.
  reportDetail: {
    ...readOnly,
    valid: fc.constantFrom('<mine>', '<theirs>').map((reportId) => ({ reportId })),
    caller: () => DEMO.resident,
    checkOk: sameAsCleanCall('reportDetail'),
  },
  inbox: {
    ...readOnly,
    valid: fc
      .tuple(
        optionalLimit,
        fc.record(
          {
            status: fc.constantFrom(...REPORT_STATUSES, 'open', 'handling'),
            due: fc.constantFrom('soon', 'overdue'),
            light: fc.constantFrom('green', 'yellow', 'red'),
            categoryCode: fc.constantFrom('HJWS', 'ZAXS'),
            gridCode: fc.constantFrom(GRID_A, GRID_B),
            assignee: fc.constantFrom('me', 'none', { personId: 'u-grid-worker-04' }),
            sort: fc.constantFrom('urgency', 'support'),
            scope: fc.constantFrom('owned', 'area'),
          },
          { requiredKeys: [] },
        ),
      )
      .map(([page, filters]) => ({ ...page, ...filters })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('inbox'),
  },
  duplicateCandidates: {
    ...readOnly,
    valid: fc.constantFrom('<original>', '<elsewhere>').map((reportId) => ({ reportId })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('duplicateCandidates'),
  },
  caseActions: {
    ...readOnly,
    valid: fc.constantFrom('<original>', '<elsewhere>').map((reportId) => ({ reportId })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('caseActions'),
  },
  uploadSlot: {
    ...readOnly,
    valid: fc.constant({ purpose: 'report', key: '<key>' }),
    caller: () => DEMO.resident,
    checkOk: sameAsCleanCall('uploadSlot'),
  },
  joinGrid: {
    valid: fc.oneof(
      fc.constantFrom(GRID_A, GRID_B).map((gridCode) => ({ gridCode })),
      fc.constantFrom(`g=${GRID_A}`, `g%3D${GRID_B}`).map((scene) => ({ scene })),
    ),
    caller: () => DEMO.otherResident,
    mayWrite: ['users', 'gridJoins'],
    async checkOk({ cloud, event, data, caller, added }) {
      const request = parsed('joinGrid', event);
      const expected = typeof request.gridCode === 'string' ? request.gridCode : gridCodeFromScene(request.scene as string);
      const user = await userOf(cloud, caller);
      const [join] = await cloud.find<{ openid: string; userId: string; gridCode: string }>('gridJoins', { userId: user._id }, [
        'at',
        'desc',
      ]);
      expectThat(
        (data.grid as { code: string }).code === expected && user.joinedGridCode === expected,
        `joinGrid joined another grid than ${expected}`,
      );
      expectThat(
        join?.openid === caller && join.gridCode === expected && added.gridJoins === 1 && !added.users,
        'joinGrid recorded a scan of someone else',
      );
    },
  },
  submitReport: {
    valid: fc.record({
      categoryCode: fc.constantFrom('HJWS', 'SZSS', 'ZAXS', 'QT'),
      text: fc.constantFrom('楼道里堆满了杂物', '路灯坏了', '井盖缺失，请尽快处理'),
      photos: fc.constant([]),
      location: fc.constantFrom(pointInGrid(GRID_A), pointInGrid(GRID_B), PLACES.river),
      anonymous: fc.boolean(),
      idempotencyKey: fc.constant('<key>'),
    }),
    caller: (pick) => SUBMITTERS[pick % SUBMITTERS.length] as string,
    mayWrite: ['reports', 'rateCounters'],
    // RATE.LIMITED takes a place and gives it back; CONTENT.RISKY keeps it (a risky text counts as an attempt).
    refusalMayWrite: ['rateCounters'],
    async checkOk({ cloud, event, data, caller, added }) {
      const request = parsed('submitReport', event);
      const id = (data.report as { id: string }).id;
      if (data.replayed === true) return expectThat(!added.reports, 'a replayed submit stored a second report');
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<Record<string, unknown> & { events: Array<{ actorId: string }> }>('reports', id);
      expectThat(added.reports === 1 && stored !== undefined, 'submitReport answered ok without storing exactly one report');
      expectThat(
        stored?.reporterOpenid === caller && stored.reporterId === user._id && stored.events[0]?.actorId === user._id,
        `report ${id} is not the caller’s`,
      );
      for (const field of ['categoryCode', 'anonymous', 'idempotencyKey', 'photos'] as const) {
        expectThat(same(stored?.[field], request[field]), `report ${id} stored ${field} other than the request’s`);
      }
    },
  },
  acceptReport: {
    valid: note.map((text) => withNote({ reportId: '<report>' }, text)),
    caller: () => DEMO.gridWorker,
    mayWrite: ['reports', 'pointsLedger', 'pointsDaily', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, added }) {
      await expectDecidedByCaller(cloud, fixtures.report, caller, 'accepted');
      expectThat(!added.reports, 'acceptReport added a report');
      fixtures.report = await reportIn(cloud, GRID_A);
    },
  },
  rejectReport: {
    valid: fc.oneof(
      fc.tuple(fc.constantFrom('invalid', 'out_of_scope'), note).map(([reason, text]) => withNote({ reportId: '<report>', reason }, text)),
      note.map((text) => withNote({ reportId: '<report>', reason: 'duplicate', duplicateOf: '<original>' }, text)),
    ),
    caller: () => DEMO.gridWorker,
    // A duplicate's reporter comes to follow the original (merge).
    mayWrite: ['reports', 'messages', 'reportFollows'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('rejectReport', event);
      const stored = await expectDecidedByCaller(cloud, fixtures.report, caller, 'rejected');
      expectThat(
        (stored.rejection as { reason?: string } | undefined)?.reason === request.reason && !added.reports,
        'rejectReport stored another reason',
      );
      const follows = await cloud.find<{ personId: string }>('reportFollows', { reportId: fixtures.original });
      const merged = follows.some((follow) => follow.personId === stored.reporterId);
      expectThat(merged === (request.reason === 'duplicate') && (added.reportFollows ?? 0) <= 1, 'rejectReport merged someone else');
      fixtures.report = await reportIn(cloud, GRID_A);
    },
  },
  withdrawReport: {
    valid: note.map((text) => withNote({ reportId: '<withdrawable>' }, text)),
    caller: () => DEMO.resident,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<{ status: string; reporterOpenid: string; events: Array<{ actorId: string }> }>(
        'reports',
        fixtures.withdrawable,
      );
      expectThat(
        stored?.status === 'withdrawn' && stored.events[stored.events.length - 1]?.actorId === user._id && stored.reporterOpenid === caller,
        `report ${fixtures.withdrawable} was not withdrawn by its reporter`,
      );
      expectThat(!added.reports, 'withdrawReport added a report');
      fixtures.withdrawable = await reportIn(cloud, GRID_A, DEMO.resident);
    },
  },
  reopenReport: {
    valid: fc.constantFrom('没有修好', '垃圾又堆起来了').map((text) => ({ reportId: '<unhappy>', note: text })),
    caller: () => DEMO.resident,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<{ status: string; reporterOpenid: string; events: Array<{ actorId: string; type: string }> }>(
        'reports',
        fixtures.unhappy,
      );
      const last = stored?.events[stored.events.length - 1];
      expectThat(
        stored?.status === 'resolved' && last?.type === 'reopened' && last.actorId === user._id && stored.reporterOpenid === caller,
        `report ${fixtures.unhappy} was not reopened by its reporter`,
      );
      expectThat(!added.reports, 'reopenReport added a report');
      fixtures.unhappy = await handledReportIn(cloud, GRID_A, 'rated', DEMO.resident);
    },
  },
  // verifyReport and rateReport each act on their own fixture case, renewed once it has moved on.
  verifyReport: {
    valid: fc.oneof(
      note.map((text) => withNote({ reportId: '<resolved>', decision: 'close' }, text)),
      fc.constantFrom('垃圾还在', '请重新处理').map((text) => ({ reportId: '<resolved>', decision: 'rework', note: text })),
    ),
    caller: () => DEMO.gridLeader,
    mayWrite: ['reports', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('verifyReport', event);
      await expectDecidedByCaller(cloud, fixtures.resolved, caller, request.decision === 'close' ? 'closed' : 'in_progress');
      expectThat(!added.reports, 'verifyReport added a report');
      fixtures.resolved = await handledReportIn(cloud, GRID_A, 'resolved');
    },
  },
  rateReport: {
    valid: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.option(fc.constantFrom('很满意', '处理得慢', ''), { nil: undefined }))
      .map(([satisfaction, comment]) => ({ reportId: '<closed>', satisfaction, ...(comment !== undefined && { comment }) })),
    caller: () => DEMO.resident,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('rateReport', event);
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<{
        status: string;
        reporterOpenid: string;
        rating?: { satisfaction: number };
        events: Array<{ actorId: string }>;
      }>('reports', fixtures.closed);
      expectThat(
        stored?.status === 'rated' && stored.events[stored.events.length - 1]?.actorId === user._id && stored.reporterOpenid === caller,
        `report ${fixtures.closed} was not rated by its reporter`,
      );
      expectThat(stored?.rating?.satisfaction === request.satisfaction && !added.reports, 'rateReport stored another rating');
      fixtures.closed = await handledReportIn(cloud, GRID_A, 'closed', DEMO.resident);
    },
  },
};

/** assignReport's, startReport's and resolveReport's targets: each acts on its own fixture case, renewed once it has moved on. */
const HANDLING_LOOP_TARGETS: Record<string, HostileTarget> = {
  assignReport: {
    valid: fc
      .tuple(fc.constantFrom('u-grid-worker-03', 'u-grid-worker-04'), note)
      .map(([personId, text]) => withNote({ reportId: '<accepted>', to: { kind: 'person', personId } }, text)),
    caller: () => DEMO.gridLeader,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('assignReport', event);
      const stored = await expectDecidedByCaller(cloud, fixtures.accepted, caller, 'assigned');
      expectThat(same(stored.assignee, request.to) && !added.reports, 'assignReport stored another assignee');
      fixtures.accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    },
  },
  startReport: {
    valid: note.map((text) => withNote({ reportId: '<assigned>' }, text)),
    caller: () => DEMO.gridWorker,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      await expectDecidedByCaller(cloud, fixtures.assigned, caller, 'in_progress');
      expectThat(!added.reports, 'startReport added a report');
      fixtures.assigned = await caseMovedTo(cloud, GRID_A, 'assigned');
    },
  },
  resolveReport: {
    valid: fc
      .constantFrom('已清理', '已修复完毕')
      .map((text) => ({ reportId: '<inProgress>', note: text, photos: [], uploadKey: '<key>' })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['reports', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, added }) {
      await expectDecidedByCaller(cloud, fixtures.inProgress, caller, 'resolved');
      expectThat(!added.reports, 'resolveReport added a report');
      fixtures.inProgress = await caseMovedTo(cloud, GRID_A, 'in_progress');
    },
  },
  reassignReport: {
    valid: fc
      .tuple(fc.constantFrom('u-grid-worker-04', 'u-grid-leader-03'), fc.constantFrom('赵丽请假', '改由网格长办理'))
      .map(([personId, reason]) => ({ reportId: '<assigned>', to: { kind: 'person', personId }, reason })),
    caller: () => DEMO.gridLeader,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('reassignReport', event);
      const stored = await expectDecidedByCaller(cloud, fixtures.assigned, caller, 'assigned');
      expectThat(same(stored.assignee, request.to) && !added.reports, 'reassignReport stored another assignee');
      fixtures.assigned = await caseMovedTo(cloud, GRID_A, 'assigned');
    },
  },
};
Object.assign(HOSTILE_TARGETS, HANDLING_LOOP_TARGETS);

/** The follow of the caller's own person, and the report's count against its follows: what a follow call may change. */
async function expectFollowOfCaller(
  cloud: FunctionsCloud,
  reportId: string,
  caller: string,
  following: boolean,
  data: Record<string, unknown>,
) {
  const user = await userOf(cloud, caller);
  const follows = await cloud.find<{ personId: string; openid: string }>('reportFollows', { reportId });
  const mine = follows.filter((follow) => follow.personId === user._id && follow.openid === caller);
  const stored = await cloud.get<{ supportCount?: number }>('reports', reportId);
  expectThat(mine.length === (following ? 1 : 0) && data.following === following, `the caller's follow of ${reportId} is not ${following}`);
  expectThat(
    follows.length === (stored?.supportCount ?? 0) && data.supportCount === follows.length,
    `${reportId}'s count is not its follows`,
  );
  expectThat(
    follows.every((follow) => follow.personId === user._id),
    `a follow of someone else's appeared on ${reportId}`,
  );
}

/** 我也遇到: the follow functions act on a report of someone else's in grid A, for the caller's person only. */
const FOLLOW_TARGETS: Record<string, HostileTarget> = {
  nearbyReports: {
    ...readOnly,
    valid: fc.constantFrom('HJWS', 'ZAXS').map((categoryCode) => ({ categoryCode, location: pointInGrid(GRID_A) })),
    caller: () => DEMO.resident,
    checkOk: sameAsCleanCall('nearbyReports'),
  },
  myFollows: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myFollows') },
  followReport: {
    valid: fc.constant({ reportId: '<theirs>' }),
    caller: () => DEMO.resident,
    mayWrite: ['reportFollows', 'reports'],
    async checkOk({ cloud, fixtures, caller, data }) {
      await expectFollowOfCaller(cloud, fixtures.theirs, caller, true, data);
    },
  },
  unfollowReport: {
    valid: fc.constant({ reportId: '<theirs>' }),
    caller: () => DEMO.resident,
    mayWrite: ['reportFollows', 'reports'],
    async checkOk({ cloud, fixtures, caller, data }) {
      await expectFollowOfCaller(cloud, fixtures.theirs, caller, false, data);
    },
  },
};
Object.assign(HOSTILE_TARGETS, FOLLOW_TARGETS);

/** The fixture report moved to `status` by the caller: its last event is theirs, its reporter unchanged. */
async function expectDecidedByCaller(
  cloud: FunctionsCloud,
  reportId: string,
  caller: string,
  status: string,
): Promise<Record<string, unknown>> {
  const user = await userOf(cloud, caller);
  const stored = await cloud.get<Record<string, unknown> & { events: Array<{ actorId: string }>; reporterOpenid: string }>(
    'reports',
    reportId,
  );
  const last = stored?.events[stored.events.length - 1];
  expectThat(stored?.status === status && last?.actorId === user._id, `report ${reportId} was not ${status} by the caller`);
  expectThat(stored?.reporterOpenid.startsWith('o-sec-reporter-') === true, `report ${reportId} changed its reporter`);
  return stored as Record<string, unknown>;
}

/** The staff workbench's calls (H2 of issue 9): the reads answer as their clean form; the writes touch the caller's own. */
/** The units a community centre (城关社区) may look over, and one it may not (another street's community). */
const OVERSEEN_UNITS = fc.constantFrom(
  { level: 'community', code: '410399001001' },
  { level: 'grid', code: GRID_A },
  { level: 'grid', code: GRID_B },
);
/** Periods of a 工作考核 table: a month, a year, and a day long ago; by unit or by worker. */
const PERFORMANCE_PERIODS = fc
  .record({
    period: fc.constantFrom([Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1)], [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)], [0, 86_400_000]),
    by: fc.constantFrom('units', 'workers'),
  })
  .map(({ period: [from, to], by }) => ({ from, to, by }));

/** A 工作考核 call by the community centre: a unit of its own, answered as the clean call is. */
function overseenBy(name: 'performance' | 'performanceCsv' | 'performanceTrend', rest: fc.Arbitrary<object>): HostileTarget {
  return {
    ...readOnly,
    valid: fc.tuple(OVERSEEN_UNITS, rest).map(([unit, more]) => ({ ...unit, ...more })),
    caller: () => DEMO.communityCentre,
    checkOk: sameAsCleanCall(name),
  };
}

const WORKBENCH_TARGETS: Record<string, HostileTarget> = {
  workbench: {
    ...readOnly,
    valid: fc.constant({}),
    caller: (pick) => WORKBENCH_CALLERS[pick % WORKBENCH_CALLERS.length] as string,
    checkOk: sameAsCleanCall('workbench'),
  },
  myHandled: {
    ...readOnly,
    valid: fc
      .tuple(optionalLimit, fc.option(fc.constantFrom(0, Date.UTC(2026, 0, 1)), { nil: undefined }))
      .map(([page, since]) => (since === undefined ? page : { ...page, since })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('myHandled'),
  },
  supervisionList: {
    ...readOnly,
    valid: optionalLimit,
    caller: () => DEMO.communityCentre,
    checkOk: sameAsCleanCall('supervisionList'),
  },
  responseTemplates: {
    ...readOnly,
    valid: fc.constantFrom(GRID_A, GRID_B).map((gridCode) => ({ gridCode })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('responseTemplates'),
  },
  regionShapes: {
    ...readOnly,
    valid: fc.constantFrom(
      { level: 'county', code: '410399' },
      { level: 'street', code: '410399001' },
      { level: 'community', code: '410399001001' },
      { level: 'grid', code: GRID_A },
    ),
    caller: () => DEMO.communityCentre,
    async checkOk(check) {
      const request = parsed('regionShapes', check.event);
      expectThat(
        (check.data.unit as { code: string }).code === request.code && String(request.code).startsWith('410399001001'),
        'regionShapes answered a unit outside the community centre’s region',
      );
      await sameAsCleanCall('regionShapes')(check);
    },
  },
  performance: overseenBy('performance', PERFORMANCE_PERIODS),
  performanceCsv: overseenBy('performanceCsv', PERFORMANCE_PERIODS),
  performanceTrend: overseenBy('performanceTrend', fc.record({ months: fc.integer({ min: 1, max: 24 }) })),
  // 以奖代补结算: the county centre reads the months (none settled in this cloud), answered as the clean call is.
  settlementMonths: {
    ...readOnly,
    valid: fc.constant({}),
    caller: () => DEMO.countyCentre,
    checkOk: sameAsCleanCall('settlementMonths'),
  },
  settlementCsv: {
    ...readOnly,
    valid: fc.constantFrom('2020-01', '2026-11').map((monthKey) => ({ monthKey })),
    caller: () => DEMO.countyCentre,
    checkOk: sameAsCleanCall('settlementCsv'),
  },
  // 调整: the community centre adds to or takes from 赵丽's (grid A) points with a reason, under a fresh key:
  // one adjustment entry of the amount asked, by him, and the one message telling her.
  adjustPoints: {
    valid: fc
      .record({
        amount: fc.integer({ min: -500, max: 500 }).filter((amount) => amount !== 0),
        reason: fc.constantFrom('补记志愿服务', '误记，扣回'),
        n: fc.nat(),
      })
      .map(({ amount, reason, n }) => ({ personId: 'u-grid-worker-03', unit: 'point', amount, reason, key: `hostile-${n}-${Date.now()}` })),
    caller: () => DEMO.communityCentre,
    mayWrite: ['pointsLedger', 'messages'],
    async checkOk({ cloud, data, added }) {
      const answered = (data as { adjustment?: { id?: string; amount?: number } }).adjustment;
      const stored = await cloud.get<{ by?: string; amount?: number; personId?: string; kind?: string }>(
        'pointsLedger',
        answered?.id ?? '',
      );
      expectThat(
        stored?.kind === 'adjustment' &&
          stored.by === 'u-centre-06' &&
          stored.personId === 'u-grid-worker-03' &&
          stored.amount === answered?.amount &&
          (added.pointsLedger ?? 0) <= 1 &&
          (added.messages ?? 0) === (added.pointsLedger ?? 0),
        'adjustPoints wrote another entry than it answered, or as someone else, or told nobody',
      );
    },
  },
  saveResponseTemplates: {
    valid: fc.record({
      gridCode: fc.constantFrom(GRID_A, GRID_B),
      action: fc.constantFrom('accept', 'resolve', 'rework'),
      texts: fc.constantFrom([], ['已受理'], ['请尽快处理', '已到现场']),
    }),
    caller: () => DEMO.gridLeader,
    mayWrite: ['responseTemplates'],
    async checkOk({ cloud, event, data, caller }) {
      const request = parsed('saveResponseTemplates', event);
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<{ gridCode: string; texts: string[]; updatedBy: string }>(
        'responseTemplates',
        `${String(request.gridCode)}:${String(request.action)}`,
      );
      const texts = request.texts as string[];
      expectThat(
        request.gridCode === GRID_A && data.gridCode === GRID_A,
        'saveResponseTemplates saved for a grid the caller does not lead',
      );
      expectThat(
        texts.length === 0 ? stored === undefined : stored?.updatedBy === user._id && same(stored.texts, [...new Set(texts)]),
        'saveResponseTemplates stored other texts, or as someone else',
      );
    },
  },
  assignReports: {
    valid: fc
      .tuple(fc.constantFrom('u-grid-worker-03', 'u-grid-worker-04'), note)
      .map(([personId, text]) => withNote({ reportIds: ['<accepted>'], to: { kind: 'person', personId } }, text)),
    caller: () => DEMO.gridLeader,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, data, added }) {
      const request = parsed('assignReports', event);
      const results = data.results as Array<{ reportId: string; ok: boolean }>;
      expectThat(
        same(
          results.map((r) => r.reportId),
          request.reportIds,
        ),
        'assignReports answered other cases than asked',
      );
      expectThat(!added.reports, 'assignReports added a report');
      if (!results.some((r) => r.ok && r.reportId === fixtures.accepted)) return;
      const stored = await expectDecidedByCaller(cloud, fixtures.accepted, caller, 'assigned');
      expectThat(same(stored.assignee, request.to), 'assignReports stored another assignee');
      fixtures.accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    },
  },
};
/** Who asks for a workbench: each kind of home. */
const WORKBENCH_CALLERS = [DEMO.gridWorker, DEMO.gridLeader, DEMO.communityCentre, DEMO.police, DEMO.resident];
Object.assign(HOSTILE_TARGETS, WORKBENCH_TARGETS);

/** 上报上级, 督办 and its answer (issue 10): each moves its own fixture case on, renewed once used. */
const SUPERVISION_TARGETS: Record<string, HostileTarget> = {
  escalateReport: {
    valid: fc.constantFrom('需社区协调', '涉及多个网格').map((reason) => ({ reportId: '<accepted>', reason })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      const stored = await expectDecidedByCaller(cloud, fixtures.accepted, caller, 'accepted');
      expectThat(stored.ownerLevel === 'community' && stored.ownerCode === '410399001001', 'escalateReport moved the case elsewhere');
      expectThat(!added.reports, 'escalateReport added a report');
      fixtures.accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    },
  },
  superviseReport: {
    valid: fc.constantFrom('请三日内办结', '群众反映强烈').map((text) => ({ reportId: '<accepted>', note: text })),
    caller: () => DEMO.communityCentre,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      const stored = await expectDecidedByCaller(cloud, fixtures.accepted, caller, 'accepted');
      expectThat(stored.supervisionPending === true && stored.ownerLevel === 'grid', 'superviseReport left no 督办 pending');
      expectThat(!added.reports, 'superviseReport added a report');
      fixtures.accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    },
  },
  handBackReport: {
    valid: fc
      .tuple(fc.constantFrom(GRID_A, GRID_B), fc.constantFrom('属网格职责', '请网格办理'))
      .map(([gridCode, reason]) => ({ reportId: '<escalated>', gridCode, reason })),
    caller: () => DEMO.communityCentre,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('handBackReport', event);
      const stored = await expectDecidedByCaller(cloud, fixtures.escalated, caller, 'accepted');
      const path = stored.regionPath as { grid?: string };
      expectThat(stored.ownerCode === request.gridCode && path.grid === request.gridCode, 'handBackReport gave the case to another grid');
      expectThat(!added.reports, 'handBackReport added a report');
      fixtures.escalated = await escalatedCase(cloud);
    },
  },
  answerSupervision: {
    valid: fc.constantFrom('已安排，明天办结', '已到现场').map((text) => ({ reportId: '<supervised>', note: text })),
    caller: () => DEMO.gridLeader,
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, added }) {
      const stored = await expectDecidedByCaller(cloud, fixtures.supervised, caller, 'accepted');
      expectThat(stored.supervisionPending === false, 'answerSupervision left the 督办 pending');
      expectThat(!added.reports, 'answerSupervision added a report');
      fixtures.supervised = await supervisedCase(cloud);
    },
  },
};
Object.assign(HOSTILE_TARGETS, SUPERVISION_TARGETS);

/** A slot of 助餐送餐 ahead in grid A's default catalogue (every day 11:00, 10 places; a full slot is refused, writing nothing). */
const ZCSC_SLOT_KEY =
  upcomingSlots(
    { serviceCode: 'ZCSC', slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '11:00', end: '12:00', capacity: 10 })) },
    Date.now(),
  )[0]?.key ?? '';

/** The stored order of a successful call: the caller's own (requester) and in the state the call leaves it in. */
async function expectOrder(cloud: FunctionsCloud, id: string, expected: { requesterOpenid?: string; status: string }): Promise<void> {
  const stored = await cloud.get<{ requesterOpenid: string; status: string; gridCode: string }>('serviceOrders', id);
  expectThat(stored?.status === expected.status, `the order is ${String(stored?.status)}, not ${expected.status}`);
  if (expected.requesterOpenid !== undefined)
    expectThat(stored?.requesterOpenid === expected.requesterOpenid, 'the order was stored as someone else’s');
}

const ORDER_TARGETS: Record<string, HostileTarget> = {
  bookService: {
    valid: fc
      .tuple(fc.constantFrom('幸福路 3 号', '东大街 12 号 1 单元'), fc.option(fc.constantFrom('腿脚不便', ''), { nil: undefined }))
      .map(([address, text]) => withNote({ idempotencyKey: '<key>', serviceCode: 'ZCSC', slotKey: ZCSC_SLOT_KEY, address }, text)),
    caller: () => DEMO.resident,
    mayWrite: ['serviceOrders', 'serviceSlots'],
    async checkOk({ cloud, caller, data }) {
      const order = data.order as { id: string; gridCode: string };
      const user = await userOf(cloud, caller);
      expectThat(order.gridCode === user.joinedGridCode, 'bookService booked in a grid the caller did not join');
      await expectOrder(cloud, order.id, { requesterOpenid: caller, status: 'booked' });
    },
  },
  cancelOrder: {
    valid: note.map((text) => withNote({ orderId: '<order>' }, text)),
    caller: () => DEMO.resident,
    mayWrite: ['serviceOrders', 'serviceSlots'],
    async checkOk({ cloud, fixtures, caller, data }) {
      const order = data.order as { id: string };
      expectThat(order.id === fixtures.order, 'cancelOrder cancelled another order than its fixture');
      await expectOrder(cloud, order.id, { requesterOpenid: caller, status: 'cancelled' });
      fixtures.order = await bookedOrder(cloud, DEMO.resident);
    },
  },
  dispatchOrder: {
    valid: fc.tuple(fc.constantFrom('hall', 'self'), note).map(([mode, text]) => withNote({ orderId: '<dispatchable>', mode }, text)),
    caller: () => DEMO.gridWorker,
    // Serving it herself tells the requester who is coming.
    mayWrite: ['serviceOrders', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, data }) {
      const order = data.order as { id: string; status: string };
      expectThat(order.id === fixtures.dispatchable, 'dispatchOrder moved another order than its fixture');
      await expectOrder(cloud, order.id, { status: order.status === 'claimed' ? 'claimed' : 'posted' });
      fixtures.dispatchable = await bookedOrder(cloud, DEMO.otherResident);
    },
  },
  gridOrders: {
    ...readOnly,
    valid: fc
      .tuple(fc.constantFrom('booked', 'posted', 'cancelled', undefined), optionalLimit)
      .map(([status, page]) => ({ ...page, gridCode: GRID_A, ...(status && { status }) })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('gridOrders'),
  },
  saveGridServices: {
    valid: fc.record({
      gridCode: fc.constantFrom(GRID_A, GRID_B),
      services: fc.constantFrom(
        [],
        [{ serviceCode: 'ZCSC', slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '11:00', end: '12:00', capacity: 50 })) }],
      ),
    }),
    caller: () => DEMO.gridLeader,
    mayWrite: ['gridServices'],
    async checkOk({ cloud, event, caller }) {
      const request = parsed('saveGridServices', event);
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<{ services: unknown; updatedBy: string }>('gridServices', String(request.gridCode));
      expectThat(request.gridCode === GRID_A, 'saveGridServices saved for a grid the caller does not lead');
      expectThat(
        stored?.updatedBy === user._id && same(stored.services, request.services),
        'saveGridServices stored other services, or as someone else',
      );
    },
  },
};
Object.assign(HOSTILE_TARGETS, ORDER_TARGETS);

/** The stored task of a successful claim or 退单: the fixture, in the state the call leaves it, held by whom it should be. */
async function expectTask(cloud: FunctionsCloud, id: string, status: string, claimant: string | undefined): Promise<void> {
  const stored = await cloud.get<{ status: string; claimant?: { personId: string } }>('serviceOrders', id);
  expectThat(
    stored?.status === status && stored.claimant?.personId === claimant,
    `the task is ${String(stored?.status)}, held by ${String(stored?.claimant?.personId)}`,
  );
}

const VOLUNTEER_TARGETS: Record<string, HostileTarget> = {
  // Anyone signed in applies for themselves: the stored application is the caller's, to the grid named, pending.
  registerVolunteer: {
    valid: fc
      .tuple(
        fc.constantFrom(GRID_A, GRID_B),
        fc.boolean(),
        fc.constantFrom([], ['代办'], ['理发', '法律']),
        fc.option(fc.constantFrom('县财政局', ''), { nil: undefined }),
      )
      .map(([gridCode, partyMember, skills, workUnit]) => ({
        gridCode,
        name: '孙志刚',
        phone: '13912345678',
        partyMember,
        skills,
        posts: ['mediation'],
        ...(workUnit !== undefined && { workUnit }),
      })),
    caller: (pick) => [DEMO.resident, DEMO.otherResident, DEMO.informant][pick % 3] as string,
    mayWrite: ['volunteerApplications'],
    async checkOk({ cloud, caller, event, data }) {
      const request = parsed('registerVolunteer', event);
      const user = await userOf(cloud, caller);
      const id = `${String(request.gridCode)}:${user._id}`;
      const stored = await cloud.get<{ openid: string; status: string; skills: unknown; name: string }>('volunteerApplications', id);
      expectThat((data.application as { id: string }).id === id, 'registerVolunteer answered another application');
      expectThat(
        stored?.openid === caller && stored.status === 'pending' && same(stored.skills, request.skills) && stored.name === request.name,
        'registerVolunteer stored another application than the caller asked for',
      );
    },
  },
  // Grid A's 网格员 decides the fixture's application only: approved, the applicant alone becomes a volunteer.
  reviewVolunteer: {
    valid: fc
      .constantFrom({ decision: 'approve' }, { decision: 'refuse', reason: '名额已满' })
      .map((decision) => ({ gridCode: GRID_A, personId: '<applicant>', ...decision })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['volunteerApplications', 'users'],
    async checkOk({ cloud, fixtures, event, data }) {
      const request = parsed('reviewVolunteer', event);
      const application = data.application as { id: string; status: string; personId: string };
      expectThat(application.personId === fixtures.applicant && request.gridCode === GRID_A, 'reviewVolunteer decided another application');
      const person = await cloud.get<{ roles: string[]; gridCodes: string[] }>('users', application.personId);
      const approved = request.decision === 'approve';
      expectThat(application.status === (approved ? 'approved' : 'refused'), 'reviewVolunteer made another decision');
      expectThat(
        Boolean(person?.roles.includes('volunteer')) === approved,
        'reviewVolunteer changed the person’s roles against its decision',
      );
      fixtures.applicant = await pendingApplicationIn(cloud, GRID_A, newcomerOpenid('applicant'));
    },
  },
  volunteerApplications: {
    ...readOnly,
    valid: optionalLimit.map((page) => ({ ...page, gridCode: GRID_A })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('volunteerApplications'),
  },
  myVolunteering: { ...readOnly, valid: fc.constant({}), caller: () => GRID_VOLUNTEER[GRID_A], checkOk: sameAsCleanCall('myVolunteering') },
  myTasks: { ...readOnly, valid: optionalLimit, caller: () => GRID_VOLUNTEER[GRID_A], checkOk: sameAsCleanCall('myTasks') },
  myServiceRecord: {
    ...readOnly,
    valid: fc.option(fc.integer({ min: 2024, max: 2027 }), { nil: undefined }).map((year) => (year === undefined ? {} : { year })),
    caller: () => GRID_VOLUNTEER[GRID_A],
    checkOk: sameAsCleanCall('myServiceRecord', ['issuedAt']),
  },
  // Grid A's 网格员 posts in grid A, as themselves, into the hall.
  postTask: {
    valid: fc
      .tuple(
        fc.constantFrom('sanitation', 'policyPromotion', 'mediation'),
        fc.constantFrom([], ['代办']),
        fc.option(fc.constantFrom('清理楼道', ''), { nil: undefined }),
      )
      .map(([taskKind, skills, title]) => ({
        idempotencyKey: '<key>',
        gridCode: GRID_A,
        taskKind,
        address: '幸福路小区',
        date: shanghaiDayKey(Date.now() + 86_400_000),
        start: '09:00',
        end: '10:30',
        skills,
        ...(title !== undefined && { title }),
      })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['serviceOrders'],
    async checkOk({ cloud, caller, data }) {
      const order = data.order as { id: string; gridCode: string; kind: string };
      expectThat(order.gridCode === GRID_A && order.kind === 'task', 'postTask posted elsewhere, or not a task');
      await expectOrder(cloud, order.id, { requesterOpenid: caller, status: 'posted' });
    },
  },
  taskHall: {
    ...readOnly,
    valid: fc.tuple(fc.constantFrom({}, { gridCode: GRID_A }), optionalLimit).map(([grid, page]) => ({ ...grid, ...page })),
    caller: () => GRID_VOLUNTEER[GRID_A],
    checkOk: sameAsCleanCall('taskHall'),
  },
  // 王建国 claims the fixture's task for himself, and 退单s the one he holds.
  claimOrder: {
    valid: note.map((text) => withNote({ orderId: '<posted>' }, text)),
    caller: () => GRID_VOLUNTEER[GRID_A],
    // The winner tells the one who posted it who is coming.
    mayWrite: ['serviceOrders', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      const order = data.order as { id: string };
      expectThat(order.id === fixtures.posted, 'claimOrder claimed another task than its fixture');
      await expectTask(cloud, order.id, 'claimed', (await userOf(cloud, caller))._id);
      fixtures.posted = await postedTaskIn(cloud, GRID_A);
    },
  },
  withdrawOrder: {
    valid: note.map((text) => withNote({ orderId: '<claimed>' }, text)),
    caller: () => GRID_VOLUNTEER[GRID_A],
    mayWrite: ['serviceOrders'],
    async checkOk({ cloud, fixtures, data }) {
      const order = data.order as { id: string };
      expectThat(order.id === fixtures.claimed, 'withdrawOrder gave back another task than its fixture');
      await expectTask(cloud, order.id, 'posted', undefined);
      fixtures.claimed = await claimedTaskIn(cloud, GRID_A);
    },
  },
};
Object.assign(HOSTILE_TARGETS, VOLUNTEER_TARGETS);

const INFORMANT_TARGETS: Record<string, HostileTarget> = {
  // A resident applies for themselves: the stored application is the caller's, to the grid named (or joined: A), pending.
  applyInformant: {
    valid: fc
      .tuple(fc.constantFrom(GRID_A, GRID_B, undefined), fc.constantFrom('每天送快递经过', '在小区门口开店'))
      .map(([gridCode, motive]) => ({ ...(gridCode !== undefined && { gridCode }), name: '周小伟', phone: '13912345678', motive })),
    caller: (pick) => [DEMO.resident, DEMO.otherResident][pick % 2] as string,
    mayWrite: ['informantApplications'],
    async checkOk({ cloud, caller, event, data }) {
      const request = parsed('applyInformant', event);
      const user = await userOf(cloud, caller);
      const id = `${String(request.gridCode ?? GRID_A)}:${user._id}`;
      const stored = await cloud.get<{ openid: string; status: string; motive: string; name: string }>('informantApplications', id);
      expectThat((data.application as { id: string }).id === id, 'applyInformant answered another application');
      expectThat(
        stored?.openid === caller && stored.status === 'pending' && stored.motive === request.motive && stored.name === request.name,
        'applyInformant stored another application than the caller asked for',
      );
    },
  },
  // Grid A's 网格员 decides the fixture's application only: approved, the applicant alone becomes an informant, and is told.
  reviewInformant: {
    valid: fc
      .constantFrom({ decision: 'approve' }, { decision: 'refuse', reason: '本网格信息员已够' })
      .map((decision) => ({ gridCode: GRID_A, personId: '<informantApplicant>', ...decision })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['informantApplications', 'users', 'messages'],
    async checkOk({ cloud, fixtures, event, data, added }) {
      const request = parsed('reviewInformant', event);
      const application = data.application as { status: string; personId: string };
      expectThat(
        application.personId === fixtures.informantApplicant && request.gridCode === GRID_A,
        'reviewInformant decided another application',
      );
      const person = await cloud.get<{ roles: string[] }>('users', application.personId);
      const approved = request.decision === 'approve';
      expectThat(application.status === (approved ? 'approved' : 'refused'), 'reviewInformant made another decision');
      expectThat(
        Boolean(person?.roles.includes('informant')) === approved,
        'reviewInformant changed the person’s roles against its decision',
      );
      expectThat(added.messages === 1, 'reviewInformant told the applicant other than once');
      fixtures.informantApplicant = await pendingInformantIn(cloud, GRID_A, newcomerOpenid('informant'));
    },
  },
  informantApplications: {
    ...readOnly,
    valid: optionalLimit.map((page) => ({ ...page, gridCode: GRID_A })),
    caller: () => DEMO.gridWorker,
    checkOk: sameAsCleanCall('informantApplications'),
  },
  myInformantApplications: {
    ...readOnly,
    valid: fc.constant({}),
    caller: () => DEMO.informant,
    checkOk: sameAsCleanCall('myInformantApplications'),
  },
};
Object.assign(HOSTILE_TARGETS, INFORMANT_TARGETS);

/** The stored order a move left: in the status expected, its last step made by the caller. */
async function expectMovedByCaller(cloud: FunctionsCloud, id: string, caller: string, status: string): Promise<void> {
  const user = await userOf(cloud, caller);
  const stored = await cloud.get<{ status: string; events: Array<{ actorId: string }> }>('serviceOrders', id);
  expectThat(
    stored?.status === status && stored.events[stored.events.length - 1]?.actorId === user._id,
    `order ${id} is ${String(stored?.status)}, not ${status} by the caller`,
  );
}

const ORDER_MOVE_TARGETS: Record<string, HostileTarget> = {
  // Grid A's 网格员 completes the order she serves, with the photo she uploaded for it.
  completeOrder: {
    valid: fc
      .constantFrom('已上门理发', '已陪同就医')
      .map((text) => ({ orderId: '<servedOrder>', note: text, photos: ['<completionPhoto>'], uploadKey: '<completionKey>' })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['serviceOrders', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      expectThat((data.order as { id: string }).id === fixtures.servedOrder, 'completeOrder completed another order than its fixture');
      await expectMovedByCaller(cloud, fixtures.servedOrder, caller, 'completed');
      Object.assign(fixtures, await servedOrderFixture(cloud));
    },
  },
  // The requester (DEMO.resident) confirms or disputes the completed fixture; a grid worker who served it earns nothing.
  confirmOrder: {
    valid: fc.constant({ orderId: '<completedOrder>' }),
    caller: () => DEMO.resident,
    mayWrite: ['serviceOrders', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      expectThat((data.order as { id: string }).id === fixtures.completedOrder, 'confirmOrder confirmed another order than its fixture');
      await expectMovedByCaller(cloud, fixtures.completedOrder, caller, 'confirmed');
      fixtures.completedOrder = (await orderMovedTo(cloud, GRID_A, 'completed', DEMO.resident)).orderId;
    },
  },
  disputeOrder: {
    valid: fc.constantFrom('没有来', '没有做完').map((text) => ({ orderId: '<completedOrder>', note: text })),
    caller: () => DEMO.resident,
    mayWrite: ['serviceOrders', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      expectThat((data.order as { id: string }).id === fixtures.completedOrder, 'disputeOrder disputed another order than its fixture');
      await expectMovedByCaller(cloud, fixtures.completedOrder, caller, 'disputed');
      fixtures.completedOrder = (await orderMovedTo(cloud, GRID_A, 'completed', DEMO.resident)).orderId;
    },
  },
  // Grid A's 网格员 settles the disputed fixture: done (confirmed) or not (back to the hall).
  settleOrder: {
    valid: fc
      .tuple(fc.constantFrom('done', 'notDone'), fc.constantFrom('现场核实', '已电话回访'))
      .map(([decision, text]) => ({ orderId: '<disputedOrder>', decision, note: text })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['serviceOrders', 'messages', 'pointsLedger'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, event, data }) {
      const request = parsed('settleOrder', event);
      expectThat((data.order as { id: string }).id === fixtures.disputedOrder, 'settleOrder settled another order than its fixture');
      await expectMovedByCaller(cloud, fixtures.disputedOrder, caller, request.decision === 'done' ? 'confirmed' : 'posted');
      fixtures.disputedOrder = (await orderMovedTo(cloud, GRID_A, 'disputed', DEMO.resident)).orderId;
    },
  },
  rateOrder: {
    valid: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.option(fc.constantFrom('很满意', '来晚了', ''), { nil: undefined }))
      .map(([satisfaction, comment]) => ({ orderId: '<confirmedOrder>', satisfaction, ...(comment !== undefined && { comment }) })),
    caller: () => DEMO.resident,
    mayWrite: ['serviceOrders'],
    async checkOk({ cloud, fixtures, caller, event }) {
      const request = parsed('rateOrder', event);
      await expectMovedByCaller(cloud, fixtures.confirmedOrder, caller, 'rated');
      const stored = await cloud.get<{ rating?: { satisfaction: number } }>('serviceOrders', fixtures.confirmedOrder);
      expectThat(stored?.rating?.satisfaction === request.satisfaction, 'rateOrder stored another rating');
      fixtures.confirmedOrder = (await orderMovedTo(cloud, GRID_A, 'confirmed', DEMO.resident)).orderId;
    },
  },
  orderDetail: {
    ...readOnly,
    valid: fc.constant({ orderId: '<servedOrder>' }),
    caller: (pick) => [DEMO.resident, DEMO.gridWorker][pick % 2] as string,
    checkOk: sameAsCleanCall('orderDetail'),
  },
};
Object.assign(HOSTILE_TARGETS, ORDER_MOVE_TARGETS);

/**
 * Who press 一键求助 in turn: residents of grid A, 3 new calls an hour each (HELP_RATE_LIMIT), RATE.LIMITED
 * after; and 郑俊, who joined no grid, so a call without a location reaches nobody (GRID.NOT_JOINED).
 */
const HELP_RAISERS = [...Array.from({ length: 10 }, (_, i) => `o-demo-resident-${String(i + 3).padStart(2, '0')}`), DEMO.police];
const HELP_POINTS = { A: pointInGrid(GRID_A), B: pointInGrid(GRID_B) };

type StoredHelpCall = {
  requesterOpenid: string;
  requesterId: string;
  placeCode: string;
  status: string;
  responder?: { personId: string };
  events: Array<{ type: string; actorId?: string; note?: string }>;
};

/** The stored fixture call moved by the caller: in `status`, its last step theirs. */
async function expectHelpMovedByCaller(cloud: FunctionsCloud, id: string, caller: string, status: string): Promise<StoredHelpCall> {
  const user = await userOf(cloud, caller);
  const stored = await cloud.get<StoredHelpCall>('helpCalls', id);
  const last = stored?.events[stored.events.length - 1];
  expectThat(
    stored?.status === status && last?.type === status && last.actorId === user._id,
    `help call ${id} is ${String(stored?.status)}, not ${status} by the caller`,
  );
  return stored as StoredHelpCall;
}

/** 一键求助 (docs/DESIGN.md, "Help calls (一键求助)"). */
const HELP_TARGETS: Record<string, HostileTarget> = {
  // The call is the caller's, routed to the grid at the location (else their joined grid); then taken back, so
  // their next press raises anew.
  raiseHelp: {
    valid: fc.record(
      {
        idempotencyKey: fc.constant('<key>'),
        location: fc.constantFrom(HELP_POINTS.A, HELP_POINTS.B, PLACES.outside),
        address: fc.constantFrom('城关社区3号楼2单元', ''),
      },
      { requiredKeys: ['idempotencyKey'] },
    ),
    caller: (pick) => HELP_RAISERS[pick % HELP_RAISERS.length] as string,
    // A new call tells the grid's answerers, and is kept as the caller's open one (users.openHelpId).
    mayWrite: ['helpCalls', 'users', 'rateCounters', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    // RATE.LIMITED takes a place and gives it back; a location nothing routes (outside the county, no joined
    // grid) keeps the place it took beside the routing, as an attempt.
    refusalMayWrite: ['rateCounters'],
    async checkOk({ cloud, caller, event, data, added }) {
      const request = parsed('raiseHelp', event);
      const id = (data.call as { id: string }).id;
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<StoredHelpCall>('helpCalls', id);
      expectThat(
        stored?.requesterOpenid === caller && stored.requesterId === user._id && stored.events[0]?.actorId === user._id,
        `help call ${id} is not the caller’s`,
      );
      expectThat(!added.users && (added.helpCalls ?? 0) <= 1, 'raiseHelp added a user, or more than one call');
      if (added.helpCalls === 1) {
        const location = request.location;
        // The grid at a fixture point, else (no location, or outside the county) the joined grid; a corrupted
        // but valid location is routed as the function sees fit.
        const expected =
          location === undefined || same(location, PLACES.outside)
            ? user.joinedGridCode
            : same(location, HELP_POINTS.A)
              ? GRID_A
              : same(location, HELP_POINTS.B)
                ? GRID_B
                : undefined;
        expectThat(
          expected === undefined || stored?.placeCode === expected,
          `raiseHelp routed to ${String(stored?.placeCode)}, not ${String(expected)}`,
        );
      }
      if (stored?.status === 'raised' || stored?.status === 'acknowledged') await cloud.data('cancelHelp', { callId: id }, caller);
    },
  },
  myHelp: { ...readOnly, valid: fc.constant({}), caller: () => DEMO.resident, checkOk: sameAsCleanCall('myHelp') },
  saveHelpProfile: {
    valid: fc.record(
      {
        tags: fc.constantFrom([], ['高龄'], ['独居', '行动不便', '独居']),
        note: fc.constantFrom('药在床头柜', ''),
        phone: fc.constant('13900001111'),
      },
      { requiredKeys: ['tags'] },
    ),
    caller: () => DEMO.otherResident,
    mayWrite: ['users'],
    async checkOk({ cloud, caller, event, data, added }) {
      const request = parsed('saveHelpProfile', event) as { tags: string[]; note?: string; phone?: string };
      const expected = {
        tags: [...new Set(request.tags)],
        ...(request.note && { note: request.note }),
        ...(request.phone !== undefined && { phone: request.phone }),
      };
      const shares = expected.tags.length > 0 || expected.note !== undefined || expected.phone !== undefined;
      const [user] = await cloud.find<{ helpProfile?: unknown }>('users', { openid: caller });
      expectThat(same(data.profile, expected) && !added.users, 'saveHelpProfile answered another profile, or added a user');
      expectThat(same(user?.helpProfile, shares ? expected : undefined), 'saveHelpProfile stored another profile than the caller’s');
    },
  },
  // The requester (DEMO.resident) takes back the fixture call.
  cancelHelp: {
    valid: note.map((text) => withNote({ callId: '<helpMine>' }, text)),
    caller: () => DEMO.resident,
    mayWrite: ['helpCalls', 'messages', 'users'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      expectThat((data.call as { id: string }).id === fixtures.helpMine, 'cancelHelp cancelled another call than its fixture');
      const stored = await expectHelpMovedByCaller(cloud, fixtures.helpMine, caller, 'cancelled');
      expectThat(stored.requesterOpenid === caller, 'the cancelled call was stored as someone else’s');
      fixtures.helpMine = await helpCallIn(cloud, GRID_A, DEMO.resident);
    },
  },
  // Grid A's 网格员 answers the fixture call of grid A; grid B's call must stay out of her reach.
  acknowledgeHelp: {
    valid: fc.tuple(fc.constantFrom('<helpCall>', '<helpElsewhere>'), note).map(([callId, text]) => withNote({ callId }, text)),
    caller: () => DEMO.gridWorker,
    mayWrite: ['helpCalls', 'messages'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, data }) {
      expectThat((data.call as { id: string }).id === fixtures.helpCall, 'acknowledgeHelp answered another call than its fixture');
      const stored = await expectHelpMovedByCaller(cloud, fixtures.helpCall, caller, 'acknowledged');
      expectThat(stored.responder?.personId === (await userOf(cloud, caller))._id, 'acknowledgeHelp named someone else as responder');
      await retireHelpCall(cloud, fixtures.helpCall);
      fixtures.helpCall = await helpCallIn(cloud, GRID_A);
    },
  },
  closeHelp: {
    valid: fc
      .tuple(fc.constantFrom('<helpCall>', '<helpElsewhere>'), fc.constantFrom('已送医', '已到现场处置'))
      .map(([callId, text]) => ({ callId, note: text })),
    caller: () => DEMO.gridWorker,
    // An ended call frees its requester to call again (users.openHelpId).
    mayWrite: ['helpCalls', 'messages', 'users'],
    mayRecord: SUBSCRIBE_RECORD,
    async checkOk({ cloud, fixtures, caller, event, data }) {
      const request = parsed('closeHelp', event);
      expectThat((data.call as { id: string }).id === fixtures.helpCall, 'closeHelp closed another call than its fixture');
      const stored = await expectHelpMovedByCaller(cloud, fixtures.helpCall, caller, 'closed');
      expectThat(stored.events[stored.events.length - 1]?.note === String(request.note).trim(), 'closeHelp stored another note');
      fixtures.helpCall = await helpCallIn(cloud, GRID_A);
    },
  },
  // Calls the caller may not see too ('<helpElsewhere>' for both, '<helpCall>' for the resident).
  helpCallDetail: {
    ...readOnly,
    valid: fc.constantFrom('<helpMine>', '<helpCall>', '<helpElsewhere>').map((callId) => ({ callId })),
    caller: (pick) => [DEMO.resident, DEMO.gridWorker][pick % 2] as string,
    checkOk: sameAsCleanCall('helpCallDetail'),
  },
  openHelpCalls: {
    ...readOnly,
    valid: fc.constant({}),
    caller: (pick) => [DEMO.gridWorker, DEMO.communityCentre, DEMO.resident][pick % 3] as string,
    checkOk: sameAsCleanCall('openHelpCalls'),
  },
};
Object.assign(HOSTILE_TARGETS, HELP_TARGETS);
