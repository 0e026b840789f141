import type { ErrorCode } from '@pingan/shared';
import { DEMO } from '../helpers/functions-cloud';

/**
 * Who may do what: every cloud function × every kind of caller × every subject, and the outcome.
 * authorization-matrix.test.ts builds the subjects and runs each cell as one test; a function folder
 * without a line here fails that test, so a new function cannot ship without its row.
 *
 * Grids: A is 410399001001-03 (the demo grid: the residents', 赵丽's, 陈志强's); B is 410399001001-09,
 * another grid of the same community (钱建华's). 郑俊 (police) covers -01…-05, so A but not B; 邓丽萍
 * (doctor) and 魏俊 (community centre) cover the whole community, 刘芳 (county centre) the county.
 *
 * Subjects of the report functions: a submitted report in grid A or B, sent by the caller ("own") or
 * by someone else ("other's"). The stranger (no user record) owns nothing, so has no "own" cells.
 *
 * Outcomes: 'ok'; an error code the function must answer; for the list functions, 'listed' or
 * 'unlisted' (the call succeeds, and the subject is, or is not, in what it lists).
 */
export type Outcome = 'ok' | 'listed' | 'unlisted' | ErrorCode;

export const CALLERS = {
  resident: DEMO.resident,
  otherResident: DEMO.otherResident,
  informant: DEMO.informant,
  volunteer: 'o-demo-volunteer-01', // a volunteer living in grid A
  gridWorker: DEMO.gridWorker,
  gridWorkerElsewhere: DEMO.gridWorkerElsewhere,
  gridLeader: DEMO.gridLeader,
  police: DEMO.police,
  doctor: 'o-demo-doctor-01', // every grid of 城关社区
  communityCentre: DEMO.communityCentre,
  countyCentre: DEMO.countyCentre,
  stranger: undefined, // a fresh openid per cell: no user record
} as const;

export type CallerRole = keyof typeof CALLERS;

export const REPORT_SUBJECTS = ['A, own', "A, other's", 'B, own', "B, other's"] as const;
export const GRID_SUBJECTS = ['A', 'B'] as const;
/** A help call in grid A or B raised by the caller (own) or a newcomer (other's), or a newcomer's gone up to the community. */
export const HELP_SUBJECTS = [...REPORT_SUBJECTS, 'A, escalated', 'B, escalated'] as const;
export type Subject = (typeof HELP_SUBJECTS)[number] | (typeof GRID_SUBJECTS)[number] | '-';

/** One caller's cells for a function: by report subject, by grid, or one cell when there is no subject. */
type Cells = Partial<Record<Subject, Outcome>>;
type FunctionRows = Record<CallerRole, Cells>;

/** A report function's cells, in REPORT_SUBJECTS' order; `null` where the cell cannot exist. */
function reports(aOwn: Outcome | null, aOther: Outcome, bOwn: Outcome | null, bOther: Outcome): Cells {
  return { ...(aOwn && { 'A, own': aOwn }), "A, other's": aOther, ...(bOwn && { 'B, own': bOwn }), "B, other's": bOther };
}
/** A help call's cells, in HELP_SUBJECTS' order; `null` where the cell cannot exist (the stranger's own). */
function helpCalls(aOwn: Outcome | null, aOther: Outcome, bOwn: Outcome | null, bOther: Outcome, aUp?: Outcome, bUp?: Outcome): Cells {
  return {
    ...reports(aOwn, aOther, bOwn, bOther),
    ...(aUp && { 'A, escalated': aUp }),
    ...(bUp && { 'B, escalated': bUp }),
  };
}
const grids = (a: Outcome, b: Outcome): Cells => ({ A: a, B: b });
const only = (outcome: Outcome): Cells => ({ '-': outcome });
/** Everyone gets the same cells. */
const everyone = (cells: Cells): FunctionRows => Object.fromEntries(Object.keys(CALLERS).map((role) => [role, cells])) as FunctionRows;

const NF = 'REPORT.NOT_FOUND';
const FB = 'REPORT.FORBIDDEN';
const AF = 'AUTH.FORBIDDEN';
const CF = 'REPORT.CANNOT_FOLLOW';
const OF = 'ORDER.NOT_FOUND';
const OX = 'ORDER.FORBIDDEN';
const HNF = 'HELP.NOT_FOUND';
const PNA = 'POINTS.NOT_AWARDED';
const MNF = 'MARKET.REDEMPTION_NOT_FOUND';
const GNJ = 'GRID.NOT_JOINED';
/** A redemption of the matrix's item in grid A's community: the caller's own, or a newcomer's; `null` where it cannot exist. */
const redemptions = (own: Outcome | null, other: Outcome): Cells => ({ ...(own && { 'A, own': own }), "A, other's": other });
const IS = 'INFORMANT.STAFF';

/**
 * 一键求助 (mayAnswerHelp): a call is answered by its grid's 网格长, 网格员 and 网格警 (grid A: 陈志强, 赵丽, 郑俊;
 * grid B: 钱建华), and by a centre once the call has gone up to it (the community's 魏俊 for an escalated
 * call); anyone else finds none, its requester included, even one who answers for its grid (helped, not
 * asked to answer herself, and not listed her own call in openHelpCalls).
 */
// prettier-ignore
const HELP_ANSWERERS: FunctionRows = {
  ...everyone(helpCalls(HNF,      HNF,         HNF,         HNF,         HNF,         HNF)),
  gridWorker:          helpCalls(HNF,       'ok',        HNF,         HNF,         'ok',        HNF),
  gridWorkerElsewhere: helpCalls(HNF,       HNF,         HNF,         'ok',        HNF,         'ok'),
  gridLeader:          helpCalls(HNF,       'ok',        HNF,         HNF,         'ok',        HNF),
  police:              helpCalls(HNF,       'ok',        HNF,         HNF,         'ok',        HNF),
  communityCentre:     helpCalls(HNF,       HNF,         HNF,         HNF,         'ok',        'ok'),
  stranger:            helpCalls(null,      HNF,         null,        HNF,         HNF,         HNF),
};

/** A grid's figures (工作考核): the centres above it and its own 网格长 (mayOverseeUnit). */
const OVERSEEN_GRID: FunctionRows = {
  ...everyone(grids(AF, AF)),
  gridLeader: grids('ok', AF),
  communityCentre: grids('ok', 'ok'),
  countyCentre: grids('ok', 'ok'),
};

/** A grid's own 网格员 and 网格长, and nobody else (isGridCaseStaff). */
const GRID_CASE_STAFF_ONLY: FunctionRows = {
  ...everyone(grids(AF, AF)),
  gridWorker: grids('ok', AF),
  gridLeader: grids('ok', AF),
  gridWorkerElsewhere: grids(AF, 'ok'),
};

/** On an order with a part for the grid's staff and volunteers: they find it but may not make this move; others find none. */
// prettier-ignore
const ORDER_REQUESTER_ONLY: FunctionRows = {
  ...everyone(grids(OF, OF)),
  volunteer:           grids(OX,          OF),
  gridWorker:          grids(OX,          OF),
  gridLeader:          grids(OX,          OF),
  gridWorkerElsewhere: grids(OF,          OX),
};
/** On an order the grid's 网格员 serves herself: she alone completes it. */
// prettier-ignore
const ORDER_HOLDER_ONLY: FunctionRows = {
  ...ORDER_REQUESTER_ONLY,
  gridWorker:          grids('ok',        OF),
  gridWorkerElsewhere: grids(OF,          'ok'),
};

/** startReport's and resolveReport's rows: only the assignee (the grid's 网格员) moves the case. */
// prettier-ignore
const HANDLED_BY_ASSIGNEE: FunctionRows = {
  resident:            reports(FB,          NF,          FB,          NF),
  otherResident:       reports(FB,          NF,          FB,          NF),
  informant:           reports(FB,          NF,          FB,          NF),
  volunteer:           reports(FB,          NF,          FB,          NF),
  gridWorker:          reports('ok',        'ok',        FB,          NF),
  gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
  gridLeader:          reports(FB,          FB,          FB,          NF),
  police:              reports(FB,          FB,          FB,          NF),
  doctor:              reports(FB,          FB,          FB,          FB),
  communityCentre:     reports(FB,          FB,          FB,          FB),
  countyCentre:        reports(FB,          FB,          FB,          FB),
  stranger:            reports(null,        NF,          null,        NF),
};

/**
 * assignReport's rows, and assignReports' for each case: on an accepted case of grid A or B, the 网格长 or
 * a centre above hands it to the grid's 网格员 (赵丽 / 钱建华); the 网格员 takes it himself; the police and
 * the doctor co-handle but never dispatch.
 */
// prettier-ignore
const ASSIGNED_BY_DISPATCHER: FunctionRows = {
  resident:            reports(FB,          NF,          FB,          NF),
  otherResident:       reports(FB,          NF,          FB,          NF),
  informant:           reports(FB,          NF,          FB,          NF),
  volunteer:           reports(FB,          NF,          FB,          NF),
  gridWorker:          reports('ok',        'ok',        FB,          NF),
  gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
  gridLeader:          reports('ok',        'ok',        FB,          NF),
  police:              reports(FB,          FB,          FB,          NF),
  doctor:              reports(FB,          FB,          FB,          FB),
  communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
  countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
  stranger:            reports(null,        NF,          null,        NF),
};

// Aligned in columns to be read as a table, so the formatter leaves it alone:
// prettier-ignore
export const AUTHORIZATION_MATRIX: Record<string, FunctionRows> = {
  me: everyone(only('ok')),
  catalog: everyone(only('ok')),
  myPoints: everyone(only('ok')),
  // An informant's own standing: informants only. Statements: each caller's own (none for most), never another's.
  informantHome: { ...everyone(only(AF)), informant: only('ok') },
  myStatements: everyone(only('ok')),
  myStatement: everyone(only('ok')),
  // Each caller's own messages only: the functions take no one's id but the caller's (tests/cloudfunctions/messages.test.ts).
  myMessages: everyone(only('ok')),
  markMessagesRead: everyone(only('ok')),
  // The scheduled sweep runs on its timer alone: any caller at all is refused.
  clockSweep: everyone(only(AF)),
  // The monthly settlement runs on its timer alone, as the sweep does.
  settleMonth: everyone(only(AF)),
  uploadSlot: everyone(only('ok')),
  joinGrid: everyone(grids('ok', 'ok')),
  submitReport: everyone(grids('ok', 'ok')),

  //                                    A, own       A, other's   B, own       B, other's
  reportDetail: {
    resident:            reports('ok',        NF,          'ok',        NF),
    otherResident:       reports('ok',        NF,          'ok',        NF),
    informant:           reports('ok',        NF,          'ok',        NF),
    volunteer:           reports('ok',        NF,          'ok',        NF),
    gridWorker:          reports('ok',        'ok',        'ok',        NF),
    gridWorkerElsewhere: reports('ok',        NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        'ok',        NF),
    police:              reports('ok',        'ok',        'ok',        NF),
    doctor:              reports('ok',        'ok',        'ok',        'ok'),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // Read-only: whoever may see the report gets the moves they may make (a submitted one: 受理/不予受理 for its grid's owners).
  caseActions: {
    resident:            reports('ok',        NF,          'ok',        NF),
    otherResident:       reports('ok',        NF,          'ok',        NF),
    informant:           reports('ok',        NF,          'ok',        NF),
    volunteer:           reports('ok',        NF,          'ok',        NF),
    gridWorker:          reports('ok',        'ok',        'ok',        NF),
    gridWorkerElsewhere: reports('ok',        NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        'ok',        NF),
    police:              reports('ok',        'ok',        'ok',        NF),
    doctor:              reports('ok',        'ok',        'ok',        'ok'),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
    stranger:            reports(null,        NF,          null,        NF),
  },
  myReports: {
    ...everyone(reports('listed', 'unlisted', 'listed', 'unlisted')),
    stranger:            reports(null,        'unlisted',  null,        'unlisted'),
  },
  inbox: {
    resident:            reports(AF,          AF,          AF,          AF),
    otherResident:       reports(AF,          AF,          AF,          AF),
    informant:           reports(AF,          AF,          AF,          AF),
    volunteer:           reports(AF,          AF,          AF,          AF),
    gridWorker:          reports('listed',    'listed',    'unlisted',  'unlisted'),
    gridWorkerElsewhere: reports('unlisted',  'unlisted',  'listed',    'listed'),
    gridLeader:          reports('listed',    'listed',    'unlisted',  'unlisted'),
    police:              reports(AF,          AF,          AF,          AF),
    doctor:              reports(AF,          AF,          AF,          AF),
    // A centre's inbox holds the cases its centre owns (escalated to it), not its grids' cases.
    communityCentre:     reports('unlisted',  'unlisted',  'unlisted',  'unlisted'),
    countyCentre:        reports('unlisted',  'unlisted',  'unlisted',  'unlisted'),
    stranger:            reports(null,        AF,          null,        AF),
  },
  acceptReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports('ok',        'ok',        FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports(FB,          FB,          FB,          FB),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  rejectReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports('ok',        'ok',        FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports(FB,          FB,          FB,          FB),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On a resolved case of grid A (resolved by 赵丽) or B (by 钱建华): the grid's 网格长 or a centre above.
  verifyReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports(FB,          FB,          FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          FB,          FB),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On a submitted case (nothing paid yet, so nothing to reverse): the grid's 网格长 or a centre above get that far.
  reverseAward: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports(FB,          FB,          FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          FB,          FB),
    gridLeader:          reports(PNA,         PNA,         FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports(PNA,         PNA,         PNA,         PNA),
    countyCentre:        reports(PNA,         PNA,         PNA,         PNA),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On a closed case: its reporter only; staff who may see it are refused, anyone else does not find it.
  rateReport: {
    resident:            reports('ok',        NF,          'ok',        NF),
    otherResident:       reports('ok',        NF,          'ok',        NF),
    informant:           reports('ok',        NF,          'ok',        NF),
    volunteer:           reports('ok',        NF,          'ok',        NF),
    gridWorker:          reports('ok',        FB,          'ok',        NF),
    gridWorkerElsewhere: reports('ok',        NF,          'ok',        FB),
    gridLeader:          reports('ok',        FB,          'ok',        NF),
    police:              reports('ok',        FB,          'ok',        NF),
    doctor:              reports('ok',        FB,          'ok',        FB),
    communityCentre:     reports('ok',        FB,          'ok',        FB),
    countyCentre:        reports('ok',        FB,          'ok',        FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On a case its reporter rated 不满意 just after the close: the reporter alone sends it back to the verifier.
  reopenReport: {
    resident:            reports('ok',        NF,          'ok',        NF),
    otherResident:       reports('ok',        NF,          'ok',        NF),
    informant:           reports('ok',        NF,          'ok',        NF),
    volunteer:           reports('ok',        NF,          'ok',        NF),
    gridWorker:          reports('ok',        FB,          'ok',        NF),
    gridWorkerElsewhere: reports('ok',        NF,          'ok',        FB),
    gridLeader:          reports('ok',        FB,          'ok',        NF),
    police:              reports('ok',        FB,          'ok',        NF),
    doctor:              reports('ok',        FB,          'ok',        FB),
    communityCentre:     reports('ok',        FB,          'ok',        FB),
    countyCentre:        reports('ok',        FB,          'ok',        FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On a submitted report: its reporter takes it back; staff who may see it are refused, anyone else does not find it.
  withdrawReport: {
    resident:            reports('ok',        NF,          'ok',        NF),
    otherResident:       reports('ok',        NF,          'ok',        NF),
    informant:           reports('ok',        NF,          'ok',        NF),
    volunteer:           reports('ok',        NF,          'ok',        NF),
    gridWorker:          reports('ok',        FB,          'ok',        NF),
    gridWorkerElsewhere: reports('ok',        NF,          'ok',        FB),
    gridLeader:          reports('ok',        FB,          'ok',        NF),
    police:              reports('ok',        FB,          'ok',        NF),
    doctor:              reports('ok',        FB,          'ok',        FB),
    communityCentre:     reports('ok',        FB,          'ok',        FB),
    countyCentre:        reports('ok',        FB,          'ok',        FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  assignReport: ASSIGNED_BY_DISPATCHER,
  // On a case of grid A or B assigned to (startReport) or started by (resolveReport) the grid's 网格员: him alone.
  startReport: HANDLED_BY_ASSIGNEE,
  resolveReport: HANDLED_BY_ASSIGNEE,
  // Each case of a bulk assignment answers as assignReport answers it alone (the cell: one accepted case).
  assignReports: ASSIGNED_BY_DISPATCHER,
  // The staff's workbench: everyone gets a home (a resident's is { kind: 'resident' }); the caller's own counts only.
  workbench: everyone(only('ok')),
  // What the caller resolved: only ever their own work, an empty list for anyone who resolved nothing.
  myHandled: everyone(only('ok')),
  // A centre's 督办 list (its region's; nothing in a call names another's): centres only.
  supervisionList: {
    ...everyone(only(AF)),
    communityCentre:     only('ok'),
    countyCentre:        only('ok'),
  },
  // 居民点单 (docs/DESIGN.md, "Service orders (居民点单)"): a grid's bookable services to whoever lives there or
  // serves it (staff, volunteers, an informant approved for it) and to the community's centre, which may edit them.
  gridServices: {
    ...everyone(grids('ok', AF)),
    gridWorkerElsewhere: grids(AF,          'ok'),
    doctor:              grids('ok',        'ok'),
    communityCentre:     grids('ok',        'ok'),
    countyCentre:        grids(AF,          AF),
    stranger:            grids(AF,          AF),
  },
  // Its services and slots are set by the community's centre and the grid's own 网格长 only.
  saveGridServices: {
    ...everyone(grids(AF, AF)),
    gridLeader:          grids('ok',        AF),
    communityCentre:     grids('ok',        'ok'),
  },
  // A booking is in the caller's joined grid: whoever has none (staff, centres, a stranger) books nothing.
  bookService: {
    ...everyone(only('GRID.NOT_JOINED')),
    resident:            only('ok'),
    otherResident:       only('ok'),
    informant:           only('ok'),
    volunteer:           only('ok'),
  },
  myOrders: everyone(only('ok')),
  // 爱心超市 (docs/DESIGN.md, "Points"), of 城关社区 (grids A and B): its catalogue to whoever lives in it (their
  // joined grid) or works it (its centre, the 网格长 and 网格员 of its grids); the police and the doctor, the
  // county centre and a stranger have no market of their own.
  marketItems: {
    ...everyone(only(GNJ)),
    resident:            only('ok'),
    otherResident:       only('ok'),
    informant:           only('ok'),
    volunteer:           only('ok'),
    gridWorker:          only('ok'),
    gridWorkerElsewhere: only('ok'),
    gridLeader:          only('ok'),
    communityCentre:     only('ok'),
  },
  // Run by the community's centre and its 网格长 only (a new item each cell).
  saveMarketItem: {
    ...everyone(only(AF)),
    gridLeader:          only('ok'),
    communityCentre:     only('ok'),
  },
  // Redeemed in the caller's joined grid's community (each caller given the item's 1 point first).
  redeemItem: {
    ...everyone(only(GNJ)),
    resident:            only('ok'),
    otherResident:       only('ok'),
    informant:           only('ok'),
    volunteer:           only('ok'),
  },
  myRedemptions: everyone(only('ok')),
  // The community's redemptions to hand over: its centre, 网格长 and 网格员 (钱建华 of grid B too).
  marketRedemptions: {
    ...everyone(only(AF)),
    gridWorker:          only('ok'),
    gridWorkerElsewhere: only('ok'),
    gridLeader:          only('ok'),
    communityCentre:     only('ok'),
  },
  // 核销 by the community's staff with the resident's code; nobody hands over their own; others find none.
  handOverRedemption: {
    ...everyone(redemptions(null, MNF)),
    resident:            redemptions(MNF,       MNF),
    otherResident:       redemptions(MNF,       MNF),
    informant:           redemptions(MNF,       MNF),
    volunteer:           redemptions(MNF,       MNF),
    gridWorker:          redemptions(null,      'ok'),
    gridWorkerElsewhere: redemptions(null,      'ok'),
    gridLeader:          redemptions(null,      'ok'),
    communityCentre:     redemptions(null,      'ok'),
  },
  // 取消 by its resident, 退回 (with a reason) by the community's staff; others find none.
  cancelRedemption: {
    ...everyone(redemptions(null, MNF)),
    resident:            redemptions('ok',      MNF),
    otherResident:       redemptions('ok',      MNF),
    informant:           redemptions('ok',      MNF),
    volunteer:           redemptions('ok',      MNF),
    gridWorker:          redemptions(null,      'ok'),
    gridWorkerElsewhere: redemptions(null,      'ok'),
    gridLeader:          redemptions(null,      'ok'),
    communityCentre:     redemptions(null,      'ok'),
  },
  // On an order a newcomer booked in the grid: its requester alone cancels; the grid's staff and volunteers
  // see it but may not; anyone else finds none.
  cancelOrder: {
    ...everyone(grids(OF, OF)),
    volunteer:           grids(OX,          OF),
    gridWorker:          grids(OX,          OF),
    gridLeader:          grids(OX,          OF),
    gridWorkerElsewhere: grids(OF,          OX),
  },
  // 网格下单: the grid's 网格员 and 网格长 only.
  dispatchOrder: {
    ...everyone(grids(OF, OF)),
    volunteer:           grids(OX,          OF),
    gridWorker:          grids('ok',        OF),
    gridLeader:          grids('ok',        OF),
    gridWorkerElsewhere: grids(OF,          'ok'),
  },
  // 网格报到 (docs/DESIGN.md, "Service orders (居民点单)"): anyone signed in applies to any grid, except to one
  // they already volunteer in.
  registerVolunteer: {
    ...everyone(grids('ok', 'ok')),
    volunteer:           grids('VOLUNTEER.ALREADY_APPROVED', 'ok'),
  },
  // On a newcomer's pending application to the grid: its own 网格员 and 网格长 decide, and list the grid's.
  reviewVolunteer: GRID_CASE_STAFF_ONLY,
  volunteerApplications: GRID_CASE_STAFF_ONLY,
  myVolunteering: everyone(only('ok')),
  // 兼职信息员 (docs/DESIGN.md, "Points"): anyone signed in but staff applies to any grid, except to one they are
  // already an informant of (李明: A); staff are refused (they earn nothing in their own area).
  applyInformant: {
    ...everyone(grids('ok', 'ok')),
    informant:           grids('INFORMANT.ALREADY_APPROVED', 'ok'),
    gridWorker:          grids(IS, IS),
    gridWorkerElsewhere: grids(IS, IS),
    gridLeader:          grids(IS, IS),
    police:              grids(IS, IS),
    doctor:              grids(IS, IS),
    communityCentre:     grids(IS, IS),
    countyCentre:        grids(IS, IS),
  },
  // On a newcomer's pending 信息员 application to the grid: its own 网格员 and 网格长 decide, and list the grid's.
  reviewInformant: GRID_CASE_STAFF_ONLY,
  informantApplications: GRID_CASE_STAFF_ONLY,
  myInformantApplications: everyone(only('ok')),
  // Tasks without an order are posted by the grid's 网格员 and 网格长.
  postTask: GRID_CASE_STAFF_ONLY,
  // The task hall of a grid: its volunteers and its 网格员/网格长.
  taskHall: {
    ...GRID_CASE_STAFF_ONLY,
    volunteer:           grids('ok',        AF),
  },
  // 党员接单 on a task the grid's 网格员 posted: a volunteer of the grid; the grid's staff have a part in it but
  // do not claim (they serve a booking themselves instead); anyone else finds none.
  claimOrder: {
    ...everyone(grids(OF, OF)),
    volunteer:           grids('ok',        OF),
    gridWorker:          grids(OX,          OF),
    gridLeader:          grids(OX,          OF),
    gridWorkerElsewhere: grids(OF,          OX),
  },
  // 退单 on a task claimed by a volunteer of the grid (A: the volunteer caller; B: another): the claimant alone.
  withdrawOrder: {
    ...everyone(grids(OF, OF)),
    volunteer:           grids('ok',        OF),
    gridWorker:          grids(OX,          OF),
    gridLeader:          grids(OX,          OF),
    gridWorkerElsewhere: grids(OF,          OX),
  },
  // 我的任务, on a task claimed by a volunteer of the grid (A: the volunteer caller; B: another): listed to its
  // claimant alone.
  myTasks: {
    ...everyone(grids('unlisted', 'unlisted')),
    volunteer:           grids('listed',    'unlisted'),
  },
  // 我的服务记录: the caller's own year of credited services, whoever asks (nobody's but their own: the SDK test
  // tests/cloudfunctions/service/service-record.test.ts shows another volunteer's credits never counted).
  myServiceRecord: everyone(only('ok')),
  // 网格下单 list: a grid's orders to its own 网格员/网格长 and its community's centre.
  gridOrders: {
    ...everyone(grids(AF, AF)),
    gridWorker:          grids('ok',        AF),
    gridLeader:          grids('ok',        AF),
    gridWorkerElsewhere: grids(AF,          'ok'),
    communityCentre:     grids('ok',        'ok'),
  },
  //                                    A            B
  // A grid's 常用语: its staff (网格员, 网格长, 网格警, 网格医) and the centres above it read them.
  responseTemplates: {
    resident:            grids(AF,          AF),
    otherResident:       grids(AF,          AF),
    informant:           grids(AF,          AF),
    volunteer:           grids(AF,          AF),
    gridWorker:          grids('ok',        AF),
    gridWorkerElsewhere: grids(AF,          'ok'),
    gridLeader:          grids('ok',        AF),
    police:              grids('ok',        AF),
    doctor:              grids('ok',        'ok'),
    communityCentre:     grids('ok',        'ok'),
    countyCentre:        grids('ok',        'ok'),
    stranger:            grids(AF,          AF),
  },
  // …and only the grid's own 网格长 changes them.
  saveResponseTemplates: {
    ...everyone(grids(AF, AF)),
    gridLeader:          grids('ok',        AF),
  },
  // A grid's outline on the dashboard map: the centres above it and its own 网格长 (mayOverseeUnit).
  regionShapes: {
    ...everyone(grids(AF, AF)),
    gridLeader:          grids('ok',        AF),
    communityCentre:     grids('ok',        'ok'),
    countyCentre:        grids('ok',        'ok'),
  },
  // 以奖代补结算 (the settlement desk): the centres alone, each its region's part; the county's whole. The
  // matrix's cloud has settled no month, so a centre gets as far as SETTLEMENT.NOT_FOUND for the CSV
  // (tests/cloudfunctions/points/settlement-desk.test.ts downloads a settled one).
  settlementMonths: {
    ...everyone(only(AF)),
    communityCentre: only('ok'),
    countyCentre: only('ok'),
  },
  settlementCsv: {
    ...everyone(only(AF)),
    communityCentre: only('SETTLEMENT.NOT_FOUND'),
    countyCentre: only('SETTLEMENT.NOT_FOUND'),
  },
  // 调整 of the points of the grid's 网格员 (A: 赵丽, B: 钱建华): a centre over the grid; money (fen) is the
  // county centre's alone (settlement-desk.test.ts refuses it to the community centre).
  adjustPoints: {
    ...everyone(grids(AF, AF)),
    communityCentre:     grids('ok',        'ok'),
    countyCentre:        grids('ok',        'ok'),
  },
  // 工作考核 of a grid (its figures, its trend, its CSV): as its map, the centres above it and its own 网格长.
  performance: OVERSEEN_GRID,
  performanceTrend: OVERSEEN_GRID,
  performanceCsv: OVERSEEN_GRID,
  duplicateCandidates: {
    resident:            reports(AF,          AF,          AF,          AF),
    otherResident:       reports(AF,          AF,          AF,          AF),
    informant:           reports(AF,          AF,          AF,          AF),
    volunteer:           reports(AF,          AF,          AF,          AF),
    gridWorker:          reports('ok',        'ok',        FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(AF,          AF,          AF,          AF),
    doctor:              reports(AF,          AF,          AF,          AF),
    communityCentre:     reports(FB,          FB,          FB,          FB),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        AF,          null,        AF),
  },
  // On a case of grid A or B assigned to the grid's 网格员, handed on to the grid's 网格长 (改派): only the
  // 网格长 and the centres above dispatch; a 网格员 takes no colleague's case, his own grid's or another's.
  reassignReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports(FB,          FB,          FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          FB,          FB),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On an accepted case of grid A or B: its owning staff (the grid's 网格员 and 网格长) move it up to the
  // community; nobody else, the centres above included (they hand it back down instead).
  escalateReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports('ok',        'ok',        FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports(FB,          FB,          FB,          FB),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // 下派 on a case of grid A or B escalated to the community, back to its grid: the community's centre
  // alone, which owns it now; not the county above, nor any grid's staff.
  handBackReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports(FB,          FB,          FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          FB,          FB),
    gridLeader:          reports(FB,          FB,          FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // 督办 on an accepted case of grid A or B: a centre strictly above the owning grid, and no one else.
  superviseReport: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports(FB,          FB,          FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          FB,          FB),
    gridLeader:          reports(FB,          FB,          FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports('ok',        'ok',        'ok',        'ok'),
    countyCentre:        reports('ok',        'ok',        'ok',        'ok'),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // On an accepted case of grid A or B under the community centre's 督办: the owning grid's staff answer it.
  answerSupervision: {
    resident:            reports(FB,          NF,          FB,          NF),
    otherResident:       reports(FB,          NF,          FB,          NF),
    informant:           reports(FB,          NF,          FB,          NF),
    volunteer:           reports(FB,          NF,          FB,          NF),
    gridWorker:          reports('ok',        'ok',        FB,          NF),
    gridWorkerElsewhere: reports(FB,          NF,          'ok',        'ok'),
    gridLeader:          reports('ok',        'ok',        FB,          NF),
    police:              reports(FB,          FB,          FB,          NF),
    doctor:              reports(FB,          FB,          FB,          FB),
    communityCentre:     reports(FB,          FB,          FB,          FB),
    countyCentre:        reports(FB,          FB,          FB,          FB),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // 我也遇到 around a point of grid A: anyone may look; it names no reporter and no point.
  nearbyReports: everyone(only('ok')),
  // The caller's own follows only: the function takes no one's id but the caller's.
  myFollows: everyone(only('ok')),
  // On a submitted report (open, of a category found by place): anyone with a record may follow someone
  // else's, in any grid; nobody their own; someone without a record finds nothing.
  followReport: {
    ...everyone(reports(CF,       'ok',        CF,          'ok')),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // Not following, a stop changes nothing: an answer about any report the caller could follow or may see.
  unfollowReport: {
    ...everyone(reports('ok',     'ok',        'ok',        'ok')),
    stranger:            reports(null,        NF,          null,        NF),
  },
  // The second half of an order's life, on a newcomer's order the grid's 网格员 serves herself (A: 赵丽, B:
  // 钱建华), moved on to where the function applies (order-move-fixtures.ts). 完成: the one who holds it.
  completeOrder: ORDER_HOLDER_ONLY,
  // 确认完成, 有异议 and 评价: its requester (a newcomer) alone; the grid's staff and volunteers see it but may not.
  confirmOrder: ORDER_REQUESTER_ONLY,
  disputeOrder: ORDER_REQUESTER_ONLY,
  rateOrder: ORDER_REQUESTER_ONLY,
  // 裁定 a disputed order: the grid's 网格员 and 网格长.
  settleOrder: {
    ...ORDER_REQUESTER_ONLY,
    gridWorker:          grids('ok',        OF),
    gridLeader:          grids('ok',        OF),
    gridWorkerElsewhere: grids(OF,          'ok'),
  },
  // A claimed order's detail: whoever holds it and the grid's 网格员/网格长; the grid's volunteers only while it
  // waits in the hall; anyone else finds none.
  orderDetail: {
    ...everyone(grids(OF, OF)),
    gridWorker:          grids('ok',        OF),
    gridLeader:          grids('ok',        OF),
    gridWorkerElsewhere: grids(OF,          'ok'),
  },
};

// prettier-ignore
Object.assign(AUTHORIZATION_MATRIX, {
  //                                          A, own     A, other's   B, own       B, other's   A, escalated B, escalated
  // 一键求助 (docs/DESIGN.md, "Help calls (一键求助)"): anyone signed in, or not yet, calls from where they stand.
  raiseHelp: everyone(grids('ok', 'ok')),
  saveHelpProfile: everyone(only('ok')),
  // The caller's own calls only: the function takes no one's id but the caller's.
  myHelp: {
    ...everyone(helpCalls('listed', 'unlisted',  'listed',    'unlisted')),
    stranger:            helpCalls(null,      'unlisted',  null,        'unlisted'),
  },
  // 我已安全: the requester alone, whoever else answers the call.
  cancelHelp: {
    ...everyone(helpCalls('ok',     HNF,         'ok',        HNF)),
    stranger:            helpCalls(null,      HNF,         null,        HNF),
  },
  // 收到 and 已处置: those who answer the call.
  acknowledgeHelp: HELP_ANSWERERS,
  closeHelp: HELP_ANSWERERS,
  // Its requester and those who answer it.
  helpCallDetail: {
    ...HELP_ANSWERERS,
    ...Object.fromEntries(
      (['resident', 'otherResident', 'informant', 'volunteer', 'doctor', 'countyCentre'] as const).map((role) => [
        role, helpCalls('ok', HNF, 'ok', HNF, HNF, HNF),
      ]),
    ),
    gridWorker:          helpCalls('ok',      'ok',        'ok',        HNF,         'ok',        HNF),
    gridWorkerElsewhere: helpCalls('ok',      HNF,         'ok',        'ok',        HNF,         'ok'),
    gridLeader:          helpCalls('ok',      'ok',        'ok',        HNF,         'ok',        HNF),
    police:              helpCalls('ok',      'ok',        'ok',        HNF,         'ok',        HNF),
    communityCentre:     helpCalls('ok',      HNF,         'ok',        HNF,         'ok',        'ok'),
  },
  // The open calls of the places the caller answers for; AUTH.FORBIDDEN to anyone who answers for none.
  openHelpCalls: {
    ...everyone(helpCalls(AF,       AF,          AF,          AF,          AF,          AF)),
    gridWorker:          helpCalls('unlisted','listed',    'unlisted',  'unlisted',  'listed',    'unlisted'),
    gridWorkerElsewhere: helpCalls('unlisted','unlisted',  'unlisted',  'listed',    'unlisted',  'listed'),
    gridLeader:          helpCalls('unlisted','listed',    'unlisted',  'unlisted',  'listed',    'unlisted'),
    police:              helpCalls('unlisted','listed',    'unlisted',  'unlisted',  'listed',    'unlisted'),
    communityCentre:     helpCalls('unlisted','unlisted',  'unlisted',  'unlisted',  'listed',    'listed'),
    countyCentre:        helpCalls('unlisted','unlisted',  'unlisted',  'unlisted',  'unlisted',  'unlisted'),
    stranger:            helpCalls(null,      AF,          null,        AF,          AF,          AF),
  },
} satisfies Record<string, FunctionRows>);

// 投诉建议 about the app (docs/DESIGN.md, "投诉建议 (feedback about the app)"): anyone writes and reads their own; the county centre, which
// runs the app, alone lists all and answers (on a newcomer's unanswered feedback, fresh per cell).
Object.assign(AUTHORIZATION_MATRIX, {
  submitAppFeedback: everyone(only('ok')),
  myAppFeedback: everyone(only('ok')),
  appFeedbackList: { ...everyone(only(AF)), countyCentre: only('ok') },
  replyAppFeedback: { ...everyone(only(AF)), countyCentre: only('ok') },
} satisfies Record<string, FunctionRows>);

export type MatrixCell = { fn: string; role: CallerRole; subject: Subject; expected: Outcome };

/** Every cell of the table, one per test. */
export function matrixCells(): MatrixCell[] {
  return Object.entries(AUTHORIZATION_MATRIX).flatMap(([fn, rows]) =>
    (Object.entries(rows) as Array<[CallerRole, Cells]>).flatMap(([role, cells]) =>
      (Object.entries(cells) as Array<[Subject, Outcome]>).map(([subject, expected]) => ({ fn, role, subject, expected })),
    ),
  );
}
