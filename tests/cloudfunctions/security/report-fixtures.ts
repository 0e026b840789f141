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
