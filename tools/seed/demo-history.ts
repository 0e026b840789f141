/**
 * A few months of made-up history for the demo county (docs/DESIGN.md, "Data model"; data/demo-county/README.md),
 * so that the dashboard, the 督办 list and the 工作考核 figures show something true on a first start.
 *
 * Deterministic from a seed number and the moment it ends (`until`): the same two give the same documents,
 * with the same ids, so the seed stays idempotent. Every report is made and moved on by the functions' own
 * domain code: `newReport` + `newReportDoc` for the submission (routed by the pure router over the demo
 * polygons), `applyTransition` + `docAfter` for each later step, as `decide` and `transitionReport` do; so
 * the stored clock (`deadlineAt`, `redAt`), 工作考核 facts and 督办 fields are what the functions would have
 * written. Accepted reports earn their reporter the award acceptance writes (awardForReport under the
 * daily cap, stored by awardDocuments), so the points pages agree with the reports.
 *
 * The demo grid `410399001001-03` and the ground around the point the browser tests report from stay
 * quiet: no history there in the last weeks and no open case, so those tests read the inbox, the
 * duplicate candidates and 我也遇到 as before. Nor do the demo sign-in people or 王桂英 report in it.
 */
import {
  actorFromPerson,
  informantGridsOf,
  applyTransition,
  awardForReport,
  buildGridIndex,
  DEFAULT_POINTS_RULES,
  DEFAULT_ROUTE_OPTIONS,
  haversineDistanceM,
  indexLocator,
  isOpen,
  lightNoticeAt,
  lightNoticedAfter,
  lightNoticeDueAt,
  lngLat,
  mayView,
  newReport,
  ownerNamesIn,
  regionPathOf,
  routeReport,
  shanghaiDayStart,
  type Actor,
  type Category,
  type GridLocator,
  type LedgerEntry,
  type LngLat,
  type ParsedRequestOf,
  type PeopleFile,
  type Report,
  type ReportAction,
  type submitReportContract,
} from '@pingan/shared';
import { awardDocuments, type DailyDoc, type LedgerDoc } from '../../cloudfunctions/src/points/award-documents';
import { docAfter, newReportDoc, reportOf, termsOf, type ReportDoc } from '../../cloudfunctions/src/reports/report-document';
import { reportIdFor, requestHashOf } from '../../cloudfunctions/src/reports/report-identity';
import type { DemoFiles } from './demo-documents';

type SubmitRequest = ParsedRequestOf<typeof submitReportContract>;
type Person = PeopleFile['people'][number];

/** The seed a fresh environment's history is made from. */
export const DEMO_HISTORY_SEED = 20_261_201;
/** How many days of history, up to the seeding moment. */
export const DEMO_HISTORY_DAYS = 120;
/** The grid the browser tests work in, and the point they report from. */
export const QUIET_GRID = '410399001001-03';
export const QUIET_POINT = lngLat(111.587499, 33.796931);
/** Around the quiet point nothing recent and nothing open (wider than any category's duplicate radius). */
export const QUIET_RADIUS_M = 300;
/** How far back the quiet grid and the quiet point get no history (beyond the 30-day duplicate window). */
export const QUIET_DAYS = 45;
/** People the browser tests sign in as or count the reports of: they report nothing in the history. */
const QUIET_PEOPLE = new Set(['u-resident-02']);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface HistoryOptions {
  seed: number;
  /** The seeding moment (epoch ms): every event is before it; later steps are not there yet. */
  until: number;
  days?: number;
}

export interface DemoHistory {
  reports: ReportDoc[];
  /** The submissions as the mini-program would have sent them, by report id. */
  requests: Map<string, SubmitRequest>;
  pointsLedger: LedgerDoc[];
  pointsDaily: (DailyDoc & { _id: string })[];
}

/** The pace a step is planned at against its clock: most on time, some late (yellow), a few very late (red). */
export type Pace = 'onTime' | 'late' | 'red';
export const ACCEPT_PACE: readonly [Pace, number][] = [
  ['onTime', 92],
  ['late', 6],
  ['red', 2],
];
export const HANDLE_PACE: readonly [Pace, number][] = [
  ['onTime', 80],
  ['late', 13],
  ['red', 7],
];

/** Reports by category, as a county's mix runs: mostly 环境卫生 and 市政设施, rarely 治安线索. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  HJWS: 25,
  SZSS: 14,
  MSSQ: 12,
  NBJF: 10,
  WZDJ: 8,
  QT: 7,
  XFYH: 6,
  ZAXS: 5,
  JGQS: 4,
  SPYP: 4,
  AQSC: 3,
};

/** When people report, by Asia/Shanghai hour: little at night, most in the morning and late afternoon. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 5, 8, 10, 10, 9, 6, 6, 8, 9, 9, 8, 7, 7, 6, 4, 3, 2];

/** Reports a day in a grid of 225 households on a weekday; a busy grid has more, a weekend fewer. */
const DAILY_RATE = 0.34;
const BUSY_FACTOR = 1.9;
const BUSY_GRIDS = 8;
const WEEKEND_FACTOR = 0.6;

const TEXTS: Record<string, readonly string[]> = {
  HJWS: [
    '楼下垃圾桶满了，好几天没人清运',
    '小区门口有人乱倒建筑垃圾',
    '路边绿化带里堆着生活垃圾，有异味',
    '菜市场门口污水横流',
    '巷子里有一堆废旧家具没人管',
  ],
  SZSS: ['人行道地砖松动，老人容易绊倒', '路灯一到晚上就不亮', '公交站的雨棚坏了一块', '小区外的排水沟盖板断了', '路边护栏被撞歪了'],
  MSSQ: [
    '楼里的老人独居，最近没见出门，想请社区看看',
    '想咨询一下高龄补贴怎么申请',
    '小区里的健身器材坏了，希望修一修',
    '楼道里的扶手松了，老人上下楼不方便',
  ],
  NBJF: [
    '楼上装修噪音太大，晚上十点还在施工',
    '邻居在楼道里堆放杂物，协商不成',
    '两户人家因为停车位吵起来了',
    '楼上漏水到我家，对方不愿意处理',
  ],
  WZDJ: ['小区里有人在楼顶加盖彩钢房', '一楼住户把院子扩建占了绿地', '路边有人私自搭了棚子卖东西'],
  QT: ['小区门禁坏了，外人随便进出', '流浪狗在小区里游荡，孩子害怕', '有人在路边焚烧落叶，烟很大'],
  XFYH: ['楼道里堆满纸箱，挡住了消防通道', '有电动车在楼道里充电', '小区消防栓没有水', '商铺门口的灭火器过期了'],
  ZAXS: ['最近晚上有陌生人在小区里转悠', '车棚里的电动车电瓶被偷了', '有人在路口发小广告，疑似诈骗'],
  JGQS: ['路口的井盖不见了，很危险', '人行道上的井盖破了一个洞', '小区门口井盖松动，车过去响'],
  SPYP: ['路边摊卖的熟食没有遮盖', '小超市在卖过期的牛奶', '早餐店后厨卫生太差'],
  AQSC: ['工地的脚手架没有防护网', '加油站旁边有人卖散装汽油', '小作坊里堆着很多易燃物'],
};
const ACCEPT_NOTES = ['已收到，马上安排', '已受理，会尽快处理', '收到，已登记'];
const ASSIGN_NOTES = ['请尽快到现场处理并反馈。', '请今天内处理。', '请联系相关部门协同处理。'];
const RESOLVE_NOTES = ['已到现场处理完毕', '已联系相关部门处理好了', '问题已解决，请核查', '已协调双方，达成一致'];
const REWORK_NOTES = ['现场还没有处理干净，请再处理一次', '处理不彻底，请补充照片和说明'];
const CLOSE_NOTES = ['现场已核实', '核查通过'];
const ESCALATE_NOTES = ['涉及多个部门，需社区协调', '网格内无法解决，请上级协调'];
const HAND_BACK_NOTES = ['属网格责任区，请网格办理', '已协调好相关部门，请网格跟进'];
const SUPERVISE_NOTES = ['已超期，请加快办理并回复', '请今天内办结并说明原因'];
const ANSWER_NOTES = ['已加派人手，今天处理完', '已联系责任单位，正在处理'];
const RATING_COMMENTS = ['处理很及时，谢谢', '态度很好', '', '', '慢了一点，但解决了'];

/** A small seeded PRNG (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from nothing');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** Knuth's Poisson draw (small means only). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count += 1;
    return count;
  }
}

/** The county's people, places and staff as the history needs them. */
class County {
  readonly locator: GridLocator;
  readonly people = new Map<string, Person>();
  readonly actors = new Map<string, Actor>();
  readonly grids: { code: string; households: number; box: readonly [number, number, number, number] }[];
  readonly categories: Map<string, Category>;

  constructor(readonly files: DemoFiles) {
    this.locator = indexLocator(buildGridIndex(files.tree));
    for (const person of files.people.people) {
      this.people.set(person.id, person);
      this.actors.set(person.id, actorFromPerson(person));
    }
    this.grids = files.regions.features
      .filter((f) => f.properties.level === 'grid')
      .map((f) => ({ code: f.properties.code, households: f.properties.households ?? 225, box: boxOf(f.geometry.coordinates) }));
    this.categories = new Map(files.categories.categories.map((c) => [c.code, c]));
  }

  staffOf(grid: string, role: 'gridWorker' | 'gridLeader'): Person[] {
    return this.files.people.people.filter((p) => p.roles.includes(role) && p.gridCodes.includes(grid));
  }

  centreOf(code: string): Person {
    const centre = this.files.people.people.find((p) => p.roles.includes('centre') && p.regionCode === code);
    if (!centre) throw new Error(`demo history: no centre for ${code}`);
    return centre;
  }
}

function boxOf(coordinates: unknown): readonly [number, number, number, number] {
  const points = (JSON.stringify(coordinates).match(/-?\d+\.\d+,-?\d+\.\d+/g) ?? []).map((pair) => pair.split(',').map(Number));
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/** One report's life: each step applied by the domain at its moment, none at or after `until`. */
class Case {
  stopped = false;
  /** The report as acceptance left it: what acceptReport pays on. */
  accepted: Report | undefined;
  constructor(
    public doc: ReportDoc,
    private readonly county: County,
    readonly until: number,
  ) {}

  get at(): number {
    return this.doc.events[this.doc.events.length - 1]!.at;
  }

  /** Applies the action as the person at `at`, as `decide` does; false (and nothing after) once `at` is not yet. */
  act(action: ReportAction, personId: string, at: number): boolean {
    if (this.stopped || at >= this.until) {
      this.stopped = true;
      return false;
    }
    const at1 = Math.max(Math.round(at), this.at + 60_000);
    if (at1 >= this.until) {
      this.stopped = true;
      return false;
    }
    this.sweepUntil(at1);
    const actor = this.county.actors.get(personId);
    const person = this.county.people.get(personId);
    if (!actor || !person) throw new Error(`demo history: unknown person ${personId}`);
    if (!mayView(actor, this.doc)) throw new Error(`demo history ${this.doc._id}: ${personId} may not see it`);
    const outcome = applyTransition(reportOf(this.doc), action, actor, at1);
    if (!outcome.ok) throw new Error(`demo history ${this.doc._id}: ${action.type} by ${personId} refused (${outcome.code})`);
    this.doc = docAfter(this.doc, outcome.report, { ...outcome.event, actorName: person.name }, at1);
    if (action.type === 'accept') this.accepted = outcome.report;
    return true;
  }

  /**
   * The light notices clockSweep would have recorded before `at`, had it run every minute all along
   * (notifications/light-notices.ts recordNotice, with the same shared rules): what the report keeps as
   * told and when the next one falls due. So a first start tells staff of no change weeks old; the
   * messages themselves are not written (the history's news counts as told).
   */
  sweepUntil(at: number): void {
    for (;;) {
      const due = this.doc.lightNoticeDueAt;
      const sweptAt = due === undefined ? undefined : due + SWEEP_EVERY_MS;
      if (sweptAt === undefined || sweptAt >= at) return;
      const clock = { deadlineAt: this.doc.deadlineAt, redAt: this.doc.redAt };
      const notice = lightNoticeAt(this.doc.status, clock, this.doc.lightNoticed, sweptAt);
      const noticed = notice ? lightNoticedAfter(notice, clock, this.doc.lightNoticed) : this.doc.lightNoticed;
      const next = lightNoticeDueAt(this.doc.status, clock, noticed);
      const { lightNoticeDueAt: _due, ...rest } = this.doc;
      this.doc = { ...rest, ...(noticed && { lightNoticed: noticed }), ...(next !== undefined && { lightNoticeDueAt: next }) };
      if (next === due) return;
    }
  }
}

/** clockSweep's timer (cloudfunctions/src/functions/clockSweep/config.json): every minute. */
const SWEEP_EVERY_MS = 60_000;

/** The moment a step planned at `pace` against a clock happens. */
export function pacedAt(dice: Dice, start: number, deadline: number, redAt: number, pace: Pace): number {
  const margin = Math.max(redAt - deadline, HOUR);
  switch (pace) {
    case 'onTime':
      return start + (deadline - start) * dice.between(0.1, 0.9);
    case 'late':
      return deadline + (redAt - deadline) * dice.between(0.05, 0.95);
    case 'red':
      return redAt + margin * dice.between(0.1, 1.5) + dice.between(HOUR, 12 * HOUR);
  }
}

/** Generates the history: pure, deterministic in (seed, until, days) and the county's files. */
export function demoHistory(files: DemoFiles, options: HistoryOptions): DemoHistory {
  const dice = new Dice(seededRandom(options.seed));
  const county = new County(files);
  const days = options.days ?? DEMO_HISTORY_DAYS;
  const { until } = options;
  const firstDay = shanghaiDayStart(until) - (days - 1) * DAY;
  const busy = new Set(
    [...county.grids]
      .map((grid) => ({ grid: grid.code, roll: dice.next() }))
      .sort((a, b) => a.roll - b.roll)
      .slice(0, BUSY_GRIDS)
      .map(({ grid }) => grid),
  );
  const reporters = files.people.people.filter(
    (p) =>
      (p.roles.includes('resident') || p.roles.includes('informant')) &&
      !files.people.demoSignIn.some((d) => d.id === p.id) &&
      !QUIET_PEOPLE.has(p.id),
  );
  const categories = Object.entries(CATEGORY_WEIGHTS).filter(([code]) => county.categories.has(code));
  const requests = new Map<string, SubmitRequest>();
  const docs: ReportDoc[] = [];
  const accepted = new Map<string, Report>();
  let serial = 0;
  for (let day = 0; day < days; day += 1) {
    const dayStart = firstDay + day * DAY;
    const weekday = new Date(dayStart + 8 * HOUR).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const recent = dayStart >= until - QUIET_DAYS * DAY;
    for (const grid of county.grids) {
      const mean = DAILY_RATE * (grid.households / 225) * (busy.has(grid.code) ? BUSY_FACTOR : 1) * (weekend ? WEEKEND_FACTOR : 1);
      const count = dice.poisson(mean);
      for (let n = 0; n < count; n += 1) {
        serial += 1;
        const submittedAt = dayStart + dice.weighted(HOUR_WEIGHTS.map((w, hour) => [hour, w] as const)) * HOUR + dice.between(0, HOUR);
        const categoryCode = dice.weighted(categories);
        const location = pointIn(dice, county, grid, recent);
        if (submittedAt >= until - 10 * 60_000 || (recent && grid.code === QUIET_GRID) || !location) continue;
        const reporter = reporterFor(dice, reporters, grid.code);
        const submission = submit(dice, county, { serial, seed: options.seed, submittedAt, categoryCode, location, reporter });
        requests.set(submission.doc._id, submission.request);
        const c = live(dice, county, new Case(submission.doc, county, until), docs);
        c.sweepUntil(until);
        docs.push(c.doc);
        if (c.accepted) accepted.set(c.doc._id, c.accepted);
      }
    }
  }
  const kept = keepQuiet(docs, until);
  const ids = new Set(kept.map((doc) => doc._id));
  for (const id of requests.keys()) if (!ids.has(id)) requests.delete(id);
  return { reports: kept, requests, ...awardsOf(county, kept, accepted) };
}

/** A point of the grid (routed into it by the router itself), away from the quiet point when recent. */
function pointIn(dice: Dice, county: County, grid: County['grids'][number], recent: boolean): LngLat | undefined {
  const [minLng, minLat, maxLng, maxLat] = grid.box;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const point = lngLat(round6(dice.between(minLng, maxLng)), round6(dice.between(minLat, maxLat)));
    const route = routeReport(county.locator, { location: point, departments: [] }, DEFAULT_ROUTE_OPTIONS);
    if (route.reason !== 'contained' || route.ownerCode !== grid.code) continue;
    if (recent && haversineDistanceM(point, QUIET_POINT) <= QUIET_RADIUS_M) continue;
    return point;
  }
  return undefined;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Informants approved for the grid report most there, then people living in it, then anyone. */
function reporterFor(dice: Dice, reporters: readonly Person[], grid: string): Person {
  const informants = reporters.filter((p) => informantGridsOf(p).includes(grid));
  if (informants.length > 0 && dice.chance(0.55)) return dice.pick(informants);
  const neighbours = reporters.filter((p) => p.gridCodes[0] === grid);
  if (neighbours.length > 0 && dice.chance(0.5)) return dice.pick(neighbours);
  return dice.pick(reporters);
}

type Submission = { serial: number; seed: number; submittedAt: number; categoryCode: string; location: LngLat; reporter: Person };

/** The submission as submitReport stores it: its id from the reporter and the draft's key, routed, its terms kept. */
function submit(dice: Dice, county: County, s: Submission): { doc: ReportDoc; request: SubmitRequest } {
  const category = county.categories.get(s.categoryCode)!;
  const request: SubmitRequest = {
    categoryCode: s.categoryCode,
    text: dice.pick(TEXTS[s.categoryCode] ?? TEXTS.QT!),
    photos: [],
    location: [s.location[0], s.location[1]],
    anonymous: dice.chance(0.08),
    idempotencyKey: `history-${s.seed}-${s.serial}`,
  };
  const joinedGridCode = s.reporter.roles.includes('resident') ? s.reporter.gridCodes[0] : undefined;
  const route = routeReport(
    county.locator,
    { location: s.location, ...(joinedGridCode !== undefined && { joinedGridCode }), departments: category.departments },
    DEFAULT_ROUTE_OPTIONS,
  );
  const at = Math.round(s.submittedAt);
  const id = reportIdFor(s.reporter.openid, request.idempotencyKey);
  const report = newReport({
    id,
    reporterId: s.reporter.id,
    anonymous: request.anonymous,
    categoryCode: request.categoryCode,
    text: request.text,
    photos: request.photos,
    location: s.location,
    route,
    now: at,
  });
  const doc = newReportDoc(
    report,
    {
      reporterOpenid: s.reporter.openid,
      reporterName: s.reporter.name,
      idempotencyKey: request.idempotencyKey,
      requestHash: requestHashOf(request),
      terms: termsOf(category, county.files.workCalendar.calendar, at),
      moderation: { verdict: 'pass', pending: false },
      routeDistanceM: route.distanceM,
      ...ownerNamesIn(county.files.tree, route.ownerCode),
    },
    at,
  );
  return { doc, request };
}

/** The case's life from submission: 受理 or not, 派单, 办结, 核查, 评价, with escalations and 督办 on the way. */
function live(dice: Dice, county: County, c: Case, earlier: readonly ReportDoc[]): Case {
  const grid = c.doc.regionPath.grid!;
  const workers = county.staffOf(grid, 'gridWorker');
  const leader = county.staffOf(grid, 'gridLeader')[0]!;
  const worker = dice.pick(workers.length > 0 ? workers : [leader]);
  const submitted = c.doc;
  const acceptAt = pacedAt(dice, submitted.submittedAt, submitted.deadlineAt, submitted.redAt, dice.weighted(ACCEPT_PACE));
  const fate = dice.next();
  if (fate < 0.015) {
    c.act({ type: 'withdraw', note: '已经自行解决了' }, submitted.reporterId, submitted.submittedAt + dice.between(5, 50) * 60_000);
    return c;
  }
  if (fate < 0.075) {
    const original = earlier.find(
      (d) =>
        d.categoryCode === submitted.categoryCode &&
        d.regionPath.grid === grid &&
        d.status !== 'rejected' &&
        d.status !== 'withdrawn' &&
        submitted.submittedAt - d.submittedAt < 7 * DAY,
    );
    const rejection = original ? ({ reason: 'duplicate', duplicateOf: original._id } as const) : ({ reason: 'invalid' } as const);
    c.act({ type: 'reject', ...rejection, note: original ? '已有人反映过，一并处理' : '经核实不属实' }, worker.id, acceptAt);
    return c;
  }
  if (!c.act({ type: 'accept', ...(dice.chance(0.4) && { note: dice.pick(ACCEPT_NOTES) }) }, worker.id, acceptAt)) return c;
  const accepted = c.doc;
  const pace = dice.weighted(HANDLE_PACE);
  let resolveAt = pacedAt(dice, accepted.acceptedAt!, accepted.deadlineAt, accepted.redAt, pace);
  // A few recent cases are stuck far past red, most of them taken up a level: the 督办 lists' content.
  const stuck = isRecent(c) && dice.chance(0.05);
  if (stuck) resolveAt = accepted.redAt + dice.between(3, 20) * DAY;
  const room = () => Math.max(resolveAt - c.at, 2 * HOUR);
  let owner: { level: 'grid' | 'community' | 'street'; staff: string } = { level: 'grid', staff: worker.id };
  const assignee = worker.id;
  let verifier = leader.id;
  if (dice.chance(stuck ? 0.6 : 0.05)) {
    // 上报上级: the community takes it; it hands it down again (下派), assigns it itself, or takes it higher.
    if (!c.act({ type: 'escalate', note: dice.pick(ESCALATE_NOTES) }, worker.id, c.at + room() * dice.between(0.05, 0.2))) return c;
    const community = county.centreOf(c.doc.regionPath.community!);
    const roll = stuck ? dice.between(0.3, 1) : dice.next();
    if (roll < 0.5) {
      const to = { code: grid, regionPath: regionPathOf(county.files.tree, grid) };
      if (!c.act({ type: 'handBack', to, note: dice.pick(HAND_BACK_NOTES) }, community.id, c.at + room() * dice.between(0.05, 0.2)))
        return c;
    } else if (roll < 0.85) {
      owner = { level: 'community', staff: community.id };
      verifier = community.id;
    } else {
      if (!c.act({ type: 'escalate', note: dice.pick(ESCALATE_NOTES) }, community.id, c.at + room() * dice.between(0.05, 0.2))) return c;
      const street = county.centreOf(c.doc.regionPath.street!);
      owner = { level: 'street', staff: street.id };
      verifier = street.id;
    }
  }
  const dispatcher = owner.level === 'grid' ? (dice.chance(0.35) ? worker.id : leader.id) : owner.staff;
  const assignNote = dispatcher === worker.id ? {} : { note: dice.pick(ASSIGN_NOTES) };
  if (
    !c.act(
      { type: 'assign', to: { kind: 'person', personId: assignee }, ...assignNote },
      dispatcher,
      c.at + room() * dice.between(0.02, 0.15),
    )
  )
    return c;
  if (!c.act({ type: 'start' }, assignee, c.at + room() * dice.between(0.02, 0.2))) return c;
  // 督办 on a case gone red: from the centre above its owner, answered or not by its owner.
  if (resolveAt > c.doc.redAt && dice.chance(0.6)) {
    const supervisor = county.centreOf(
      owner.level === 'grid'
        ? c.doc.regionPath.community!
        : owner.level === 'community'
          ? c.doc.regionPath.street!
          : c.doc.regionPath.county,
    );
    const superviseAt = Math.max(c.doc.redAt, c.at) + dice.between(0.5, 24) * HOUR;
    if (superviseAt < resolveAt - HOUR) {
      if (!c.act({ type: 'supervise', note: dice.pick(SUPERVISE_NOTES) }, supervisor.id, superviseAt)) return c;
      const answerAt = c.at + dice.between(1, 10) * HOUR;
      if (dice.chance(0.7) && answerAt < resolveAt) {
        const answerer = owner.level === 'grid' ? worker.id : owner.staff;
        if (!c.act({ type: 'answerSupervision', note: dice.pick(ANSWER_NOTES) }, answerer, answerAt)) return c;
      }
    }
  }
  if (!c.act({ type: 'resolve', note: dice.pick(RESOLVE_NOTES) }, assignee, Math.max(resolveAt, c.at + 10 * 60_000))) return c;
  if (dice.chance(0.07)) {
    if (!c.act({ type: 'rework', note: dice.pick(REWORK_NOTES) }, verifier, c.at + dice.between(1, 20) * HOUR)) return c;
    if (!c.act({ type: 'resolve', note: dice.pick(RESOLVE_NOTES) }, assignee, c.at + dice.between(3, 30) * HOUR)) return c;
  }
  if (!c.act({ type: 'close', ...(dice.chance(0.5) && { note: dice.pick(CLOSE_NOTES) }) }, verifier, c.at + dice.between(0.5, 30) * HOUR))
    return c;
  if (dice.chance(0.65)) {
    const late = pace !== 'onTime';
    const satisfaction = dice.weighted(
      late
        ? [
            [5, 30],
            [4, 30],
            [3, 22],
            [2, 12],
            [1, 6],
          ]
        : [
            [5, 60],
            [4, 27],
            [3, 9],
            [2, 3],
            [1, 1],
          ],
    );
    const comment = dice.pick(RATING_COMMENTS);
    c.act({ type: 'rate', satisfaction, ...(comment !== '' && { comment }) }, c.doc.reporterId, c.at + dice.between(1, 72) * HOUR);
  }
  return c;
}

/** Whether a case was submitted in the last three weeks of the history. */
function isRecent(c: Case): boolean {
  return c.doc.submittedAt >= c.until - 21 * DAY;
}

/**
 * Leaves out what would show in the browser tests' grid and spot: an open case in the quiet grid or near
 * the quiet point (recent ones were never made there), and a duplicate of a report left out.
 */
function keepQuiet(docs: readonly ReportDoc[], until: number): ReportDoc[] {
  const loud = (doc: ReportDoc) =>
    isOpen(doc.status) &&
    (doc.regionPath.grid === QUIET_GRID || (doc.location !== undefined && haversineDistanceM(doc.location, QUIET_POINT) <= QUIET_RADIUS_M));
  const dropped = new Set(docs.filter((doc) => loud(doc) || doc.submittedAt >= until).map((doc) => doc._id));
  return docs.filter((doc) => !dropped.has(doc._id) && !(doc.rejection?.reason === 'duplicate' && dropped.has(doc.rejection.duplicateOf)));
}

/**
 * The awards acceptance would have written, in the order of acceptance, each under the daily cap with the
 * day's money so far (awardForReport, awardDocuments: the same code as acceptReport's transaction).
 */
function awardsOf(
  county: County,
  docs: readonly ReportDoc[],
  acceptedReports: ReadonlyMap<string, Report>,
): Pick<DemoHistory, 'pointsLedger' | 'pointsDaily'> {
  const fenByDay = new Map<string, number>();
  const ledger: LedgerDoc[] = [];
  const daily = new Map<string, DailyDoc & { _id: string }>();
  const accepted = docs
    .map((doc) => acceptedReports.get(doc._id))
    .filter((report): report is Report => report !== undefined)
    .sort((a, b) => a.acceptedAt! - b.acceptedAt! || (a.id < b.id ? -1 : 1));
  const terms = new Map(docs.map((doc) => [doc._id, doc.terms]));
  for (const report of accepted) {
    const doc = { ...report, terms: terms.get(report.id)! };
    const reporter = county.actors.get(doc.reporterId)!;
    const key = (entry: Pick<LedgerEntry, 'personId' | 'dayKey'>) => `${entry.personId}:${entry.dayKey}`;
    const probe = awardForReport({ report: doc, reporter, category: doc.terms, rules: DEFAULT_POINTS_RULES, fenAwardedThatDay: 0 });
    if (!probe) continue;
    const fenBefore = fenByDay.get(key(probe)) ?? 0;
    const award = awardForReport({ report: doc, reporter, category: doc.terms, rules: DEFAULT_POINTS_RULES, fenAwardedThatDay: fenBefore });
    if (!award) continue;
    const written = awardDocuments(award, fenBefore);
    ledger.push(written.ledger);
    if (written.daily) {
      fenByDay.set(key(award), written.daily.fenAwarded);
      daily.set(written.daily._id, written.daily);
    }
  }
  return { pointsLedger: ledger, pointsDaily: [...daily.values()] };
}
