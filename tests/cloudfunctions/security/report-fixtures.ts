import { reportEvent, type FunctionsCloud } from '../helpers/functions-cloud';
import { pointInGrid } from '../helpers/demo-points';

/** The two grids the security tests put reports in: the demo grid, and another grid of the same community. */
export const GRID_A = '410399001001-03';
export const GRID_B = '410399001001-09';

export type Grid = typeof GRID_A | typeof GRID_B;

let newcomers = 0;
/** An openid nobody has used yet: a caller with no user record. */
export function newcomerOpenid(label: string): string {
  newcomers += 1;
  return `o-sec-${label}-${process.pid}-${newcomers}`;
}

/**
 * A report in the grid, made through submitReport by a newcomer (each fixture by a different one, so the
 * per-caller report limits never distort a test), then, if `reporter` is given, attributed to that
 * person: their id, openid and name on the report and its first event, as if they had sent it.
 */
export async function reportIn(cloud: FunctionsCloud, grid: Grid, reporter?: string): Promise<string> {
  const newcomer = newcomerOpenid('reporter');
  const event = reportEvent({ location: pointInGrid(grid), text: `安全测试的上报（${grid}）` });
  const { report } = await cloud.data<{ report: { id: string; ownerCode: string } }>('submitReport', event, newcomer);
  if (report.ownerCode !== grid) throw new Error(`a fixture meant for ${grid} was routed to ${report.ownerCode}`);
  if (reporter !== undefined) await attribute(cloud, report.id, reporter);
  return report.id;
}

async function attribute(cloud: FunctionsCloud, reportId: string, openid: string): Promise<void> {
  const [user] = await cloud.find<{ _id: string; name: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid} to attribute a report to`);
  await cloud
    .db()
    .collection('reports')
    .doc(reportId)
    .update({
      data: {
        reporterId: user._id,
        reporterOpenid: openid,
        reporterName: user.name,
        'events.0.actorId': user._id,
        'events.0.actorName': user.name,
      },
    });
}

/** The openid of each grid's 网格员, who resolves the cases `handledReportIn` makes (so the grid's 网格长 may verify them). */
const RESOLVER: Record<Grid, string> = { [GRID_A]: 'o-demo-grid-worker-03', [GRID_B]: 'o-demo-grid-worker-10' };

/**
 * A report in the grid (as `reportIn` makes it) taken on to `resolved` by the grid's 网格员, or on to
 * `closed`, or on to `rated` 不满意 (1) by its reporter: the steps the handling functions would make, written into the
 * document, so the fixture does not depend on assign/start/resolve being correct.
 */
export async function handledReportIn(cloud: FunctionsCloud, grid: Grid, status: 'resolved' | 'closed' | 'rated', reporter?: string) {
  const id = await reportIn(cloud, grid, reporter);
  const [worker] = await cloud.find<{ _id: string; name: string }>('users', { openid: RESOLVER[grid] });
  if (!worker) throw new Error(`no 网格员 for ${grid}`);
  const at = Date.now();
  const assignee = { kind: 'person', personId: worker._id };
  const steps: Array<[string, string]> = [
    ['accepted', 'accepted'],
    ['assigned', 'assigned'],
    ['started', 'in_progress'],
    ['resolved', 'resolved'],
    ...(status !== 'resolved' ? [['closed', 'closed'] as [string, string]] : []),
  ];
  const events: Array<Record<string, unknown>> = steps.map(([type, to], i) => ({
    seq: i + 1,
    type,
    at,
    actorId: worker._id,
    actorName: worker.name,
    status: to,
    ...(type === 'assigned' && { assignee }),
    ...(type === 'resolved' && { note: '已处理' }),
  }));
  const rating = { satisfaction: 1 };
  if (status === 'rated') {
    const reported = await cloud.get<{ reporterId: string; reporterName?: string }>('reports', id);
    events.push({
      seq: events.length + 1,
      type: 'rated',
      at,
      actorId: reported?.reporterId,
      actorName: reported?.reporterName,
      status,
      rating,
    });
  }
  const _ = cloud.db().command;
  const data = {
    status,
    acceptedAt: at,
    assignee,
    resolvedBy: worker._id,
    resolvedAt: at,
    events: _.push(events),
    version: _.inc(1),
    ...(status === 'rated' && { rating }),
  };
  await cloud.db().collection('reports').doc(id).update({ data });
  return id;
}
