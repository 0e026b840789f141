import { escalatedHelpCall, type HelpCall } from '@pingan/shared';
import { draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { pointInGrid } from '../helpers/demo-points';
import { newcomerOpenid, type Grid } from './report-fixtures';

type StoredCall = Omit<HelpCall, 'id'> & { _id: string; requesterOpenid: string };

/**
 * An open help call (一键求助) in the grid, raised through the real raiseHelp by a newcomer standing in it,
 * each by a different one: a person has one open call at a time and may raise 3 an hour, so no caller of
 * the security tests spends theirs. Given `requester`, the call is then attributed to that person (their
 * id, openid and name on the call and its first step), as if they had raised it.
 */
export async function helpCallIn(cloud: FunctionsCloud, grid: Grid, requester?: string): Promise<string> {
  const newcomer = newcomerOpenid('help');
  const event = { idempotencyKey: draftKey(), location: pointInGrid(grid), address: `安全测试的求助（${grid}）` };
  const { call } = await cloud.data<{ call: { id: string } }>('raiseHelp', event, newcomer);
  const stored = await cloud.get<StoredCall>('helpCalls', call.id);
  if (stored?.placeCode !== grid) throw new Error(`a help call meant for ${grid} was routed to ${String(stored?.placeCode)}`);
  if (requester !== undefined) await attribute(cloud, call.id, requester);
  return call.id;
}

async function attribute(cloud: FunctionsCloud, callId: string, openid: string): Promise<void> {
  const [user] = await cloud.find<{ _id: string; name: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid} to attribute a help call to`);
  await cloud
    .db()
    .collection('helpCalls')
    .doc(callId)
    .update({ data: { requesterId: user._id, requesterOpenid: openid, requesterName: user.name, 'events.0.actorId': user._id } });
}

/**
 * A newcomer's call in the grid that nobody acknowledged in time, gone up to the community (城关社区): what
 * clockSweep's escalation stores (help-call.ts `escalatedHelpCall` at its deadline), written directly so no
 * sweep at a virtual time touches the other fixtures.
 */
export async function escalatedHelpCallIn(cloud: FunctionsCloud, grid: Grid): Promise<string> {
  const callId = await helpCallIn(cloud, grid);
  const { _id, requesterOpenid: _openid, ...stored } = (await cloud.get<StoredCall>('helpCalls', callId)) as StoredCall;
  const up = escalatedHelpCall({ ...stored, id: _id }, stored.ackDueAt ?? Date.now());
  const step = up?.events[up.events.length - 1];
  if (!up || up.level !== 'community' || !step) throw new Error(`help call ${callId} did not go up to its community`);
  const _ = cloud.db().command;
  await cloud
    .db()
    .collection('helpCalls')
    .doc(callId)
    .update({ data: { level: up.level, alertedCodes: up.alertedCodes, ackDueAt: up.ackDueAt, events: _.push([step]), version: _.inc(1) } });
  return callId;
}

/**
 * Ends a fixture call, whatever it came to, so the open calls of grids A and B stay few (openHelpCalls
 * answers at most 50) and its requester may call again.
 */
export async function retireHelpCall(cloud: FunctionsCloud, callId: string): Promise<void> {
  const _ = cloud.db().command;
  const stored = await cloud.get<StoredCall>('helpCalls', callId);
  if (!stored) return;
  await cloud
    .db()
    .collection('helpCalls')
    .doc(callId)
    .update({ data: { status: stored.status === 'cancelled' ? 'cancelled' : 'closed', ackDueAt: _.remove() } });
  await cloud
    .db()
    .collection('users')
    .where({ openHelpId: callId })
    .update({ data: { openHelpId: _.remove() } });
}
