import fc from 'fast-check';
import { CONTRACTS, REPORT_STATUSES, gridCodeFromScene, type ContractName } from '../../../shared/src';
import { DEMO, PLACES, draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { GRID_A, GRID_B, reportIn } from './report-fixtures';
import { pointInGrid } from '../helpers/demo-points';

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
  /** A report of DEMO.resident's, for reportDetail. */
  mine: string;
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
  /** Collections a successful call may write; a failed call writes nothing at all. */
  mayWrite: readonly string[];
  /** Throws unless a successful answer is the caller's own, and its write is what the valid call writes. */
  checkOk(check: OkCheck): Promise<void>;
}

const MARKERS = ['<report>', '<original>', '<mine>', '<key>'] as const;

/** The event with its top-level markers replaced (markers only ever sit there: the valid events are flat). */
export function withFixtures(event: unknown, fixtures: Fixtures): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const byMarker: Record<string, () => string> = { '<report>': () => fixtures.report, '<original>': () => fixtures.original, '<mine>': () => fixtures.mine, '<key>': draftKey };
  for (const key of Object.keys(event)) {
    const value = (event as Record<string, unknown>)[key];
    if (typeof value === 'string' && (MARKERS as readonly string[]).includes(value)) {
      Object.defineProperty(event, key, { value: byMarker[value]?.(), enumerable: true, writable: true, configurable: true });
    }
  }
  return event;
}

export async function makeFixtures(cloud: FunctionsCloud): Promise<Fixtures> {
  return { report: await reportIn(cloud, GRID_A), original: await reportIn(cloud, GRID_A), mine: await reportIn(cloud, GRID_A, DEMO.resident) };
}

/** What the function makes of the sent event: the contract's parse, as the function itself parses it. */
function parsed(name: ContractName, event: unknown): Record<string, unknown> {
  const result = CONTRACTS[name].request.safeParse(event);
  if (!result.success) throw new Error(`${name} succeeded on an event its contract refuses: ${JSON.stringify(event).slice(0, 300)}`);
  return result.data as Record<string, unknown>;
}

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

async function userOf(cloud: FunctionsCloud, openid: string): Promise<{ _id: string; joinedGridCode?: string }> {
  const [user] = await cloud.find<{ _id: string; joinedGridCode?: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid}`);
  return user;
}

/** A valid answer remembered once per function, for answers that must not depend on the input. */
const baselines = new Map<string, unknown>();
async function baseline(cloud: FunctionsCloud, name: string, event: unknown, openid: string): Promise<unknown> {
  if (!baselines.has(name)) baselines.set(name, await cloud.data(name, event, openid));
  return baselines.get(name);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const readOnly = { mayWrite: [] as const };
const optionalLimit = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }).map((limit) => (limit === undefined ? {} : { limit }));
const note = fc.option(fc.constantFrom('已受理', '情况属实', '', '不属于本网格'), { nil: undefined });
const withNote = (event: Record<string, unknown>, text: string | undefined) => (text === undefined ? event : { ...event, note: text });

/** People who submit in turn (residents, an informant, a volunteer, staff), so no one caller's limit decides the test. */
const SUBMITTERS = [
  ...Array.from({ length: 12 }, (_, i) => `o-demo-resident-${String(i + 1).padStart(2, '0')}`),
  ...['o-demo-informant-01', 'o-demo-informant-02', 'o-demo-volunteer-01', 'o-demo-volunteer-02', DEMO.gridWorker, DEMO.police, DEMO.countyCentre],
];

export const HOSTILE_TARGETS: Record<string, HostileTarget> = {
  me: {
    ...readOnly,
    valid: fc.constant({}),
    caller: () => DEMO.resident,
    async checkOk({ cloud, data, caller }) {
      expectThat(same(data, await baseline(cloud, 'me', {}, caller)), `me answered other than for the caller: ${JSON.stringify(data)}`);
    },
  },
  catalog: {
    ...readOnly,
    valid: fc.constant({}),
    caller: () => DEMO.informant,
    async checkOk({ cloud, data, caller }) {
      expectThat(same(data, await baseline(cloud, 'catalog', {}, caller)), 'catalog answered other than for the caller');
    },
  },
  myPoints: {
    ...readOnly,
    valid: optionalLimit,
    caller: () => DEMO.informant,
    async checkOk({ cloud, data, caller }) {
      const valid = (await baseline(cloud, 'myPoints', {}, caller)) as Record<string, unknown>;
      expectThat(data.fenBalance === valid.fenBalance && data.pointBalance === valid.pointBalance, 'myPoints answered other balances than the caller’s');
    },
  },
  myReports: {
    ...readOnly,
    valid: optionalLimit,
    caller: () => DEMO.resident,
    async checkOk({ cloud, data, caller }) {
      const own = new Set((await cloud.find<{ _id: string }>('reports', { reporterOpenid: caller })).map((r) => r._id));
      const items = data.items as Array<{ id: string }>;
      expectThat(items.every((item) => own.has(item.id)), 'myReports listed a report that is not the caller’s');
    },
  },
  reportDetail: {
    ...readOnly,
    valid: fc.constant({ reportId: '<mine>' }),
    caller: () => DEMO.resident,
    async checkOk({ data, fixtures }) {
      const report = data.report as { id: string; reporter?: { id: string } };
      expectThat(report.id === fixtures.mine && report.reporter?.id === 'u-resident-01', `reportDetail showed ${report.id}, not the caller’s report`);
    },
  },
  inbox: {
    ...readOnly,
    valid: fc.tuple(optionalLimit, fc.option(fc.constantFrom(...REPORT_STATUSES), { nil: undefined })).map(([page, status]) => (status ? { ...page, status } : page)),
    caller: () => DEMO.gridWorker,
    async checkOk({ data }) {
      const items = data.items as Array<{ ownerCode: string }>;
      expectThat(items.every((item) => item.ownerCode === GRID_A), 'inbox listed a case of another grid');
    },
  },
  duplicateCandidates: {
    ...readOnly,
    valid: fc.constant({ reportId: '<original>' }),
    caller: () => DEMO.gridWorker,
    async checkOk({ data }) {
      expectThat(Array.isArray(data.candidates), 'duplicateCandidates answered without candidates');
    },
  },
  uploadSlot: {
    ...readOnly,
    valid: fc.constant({ purpose: 'report', key: '<key>' }),
    caller: () => DEMO.resident,
    async checkOk({ cloud, event, data, caller }) {
      // The caller's own folder for this draft: the one a clean call with the same purpose and key gets.
      const { purpose, key } = event as { purpose: string; key: string };
      const clean = await cloud.data<{ dir: string }>('uploadSlot', { purpose, key }, caller);
      expectThat(data.dir === clean.dir, `uploadSlot handed out ${String(data.dir)}, not the caller’s folder ${clean.dir}`);
    },
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
      const [join] = await cloud.find<{ openid: string; userId: string; gridCode: string }>('gridJoins', { userId: user._id }, ['at', 'desc']);
      expectThat((data.grid as { code: string }).code === expected && user.joinedGridCode === expected, `joinGrid joined another grid than ${expected}`);
      expectThat(join?.openid === caller && join.gridCode === expected && added.gridJoins === 1 && !added.users, 'joinGrid recorded a scan of someone else');
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
    async checkOk({ cloud, event, data, caller, added }) {
      const request = parsed('submitReport', event);
      const id = (data.report as { id: string }).id;
      if (data.replayed === true) return expectThat(!added.reports, 'a replayed submit stored a second report');
      const user = await userOf(cloud, caller);
      const stored = await cloud.get<Record<string, unknown> & { events: Array<{ actorId: string }> }>('reports', id);
      expectThat(added.reports === 1 && stored !== undefined, 'submitReport answered ok without storing exactly one report');
      expectThat(stored?.reporterOpenid === caller && stored.reporterId === user._id && stored.events[0]?.actorId === user._id, `report ${id} is not the caller’s`);
      for (const field of ['categoryCode', 'anonymous', 'idempotencyKey', 'photos'] as const) {
        expectThat(same(stored?.[field], request[field]), `report ${id} stored ${field} other than the request’s`);
      }
    },
  },
  acceptReport: {
    valid: note.map((text) => withNote({ reportId: '<report>' }, text)),
    caller: () => DEMO.gridWorker,
    mayWrite: ['reports', 'pointsLedger', 'pointsDaily'],
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
    mayWrite: ['reports'],
    async checkOk({ cloud, fixtures, caller, event, added }) {
      const request = parsed('rejectReport', event);
      const stored = await expectDecidedByCaller(cloud, fixtures.report, caller, 'rejected');
      expectThat((stored.rejection as { reason?: string } | undefined)?.reason === request.reason && !added.reports, 'rejectReport stored another reason');
      fixtures.report = await reportIn(cloud, GRID_A);
    },
  },
};

/** The fixture report moved to `status` by the caller: its last event is theirs, its reporter unchanged. */
async function expectDecidedByCaller(cloud: FunctionsCloud, reportId: string, caller: string, status: string): Promise<Record<string, unknown>> {
  const user = await userOf(cloud, caller);
  const stored = await cloud.get<Record<string, unknown> & { events: Array<{ actorId: string }>; reporterOpenid: string }>('reports', reportId);
  const last = stored?.events[stored.events.length - 1];
  expectThat(stored?.status === status && last?.actorId === user._id, `report ${reportId} was not ${status} by the caller`);
  expectThat(stored?.reporterOpenid.startsWith('o-sec-reporter-') === true, `report ${reportId} changed its reporter`);
  return stored as Record<string, unknown>;
}
