import { createHash } from 'node:crypto';
import {
  APP_FEEDBACK_RATE_LIMIT,
  answerAppFeedback,
  appFeedbackListKey,
  appFeedbackReference,
  appFeedbackReplyMessage,
  mayAnswerAppFeedback,
  type AppFeedback,
  type AppFeedbackView,
  type ParsedRequestOf,
  type replyAppFeedbackContract,
  type submitAppFeedbackContract,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { checkUserText } from '../platform/content-check';
import type { Caller } from '../platform/define-function';
import { takeRateSlot } from '../platform/rate-limits.repository';
import { TransactionBusyError } from '../platform/sdk';
import { findCaller, type KnownCaller } from '../users/caller';
import { ensureUser } from '../users/users.repository';
import {
  APP_FEEDBACK_DESK,
  answerInTransaction,
  appFeedbackOf,
  findAppFeedback,
  insertAppFeedback,
  type AppFeedbackDoc,
} from './app-feedback.repository';

type SubmitRequest = ParsedRequestOf<typeof submitAppFeedbackContract>;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The id of the writer's form: `f` + 24 hex of sha256(openid, key), so a retry collides with the first insert. */
export function appFeedbackIdFor(openid: string, idempotencyKey: string): string {
  return `f${sha256(`${openid}\n${idempotencyKey}`).slice(0, 24)}`;
}

function requestHashOf({ kind, text, phone }: SubmitRequest): string {
  return sha256(JSON.stringify([kind, text, phone ?? null]));
}

/** Feedback as its writer and the centre read it. */
export function appFeedbackViewOf(feedback: AppFeedback | AppFeedbackDoc): AppFeedbackView {
  const { kind, text, phone, submittedAt, status, reply, repliedAt } = feedback;
  const id = 'id' in feedback ? feedback.id : feedback._id;
  return {
    id,
    reference: appFeedbackReference(id, submittedAt),
    kind,
    text,
    ...(phone !== undefined && { phone }),
    submittedAt,
    status,
    ...(reply !== undefined && { reply }),
    ...(repliedAt !== undefined && { repliedAt }),
  };
}

function replayOf(stored: AppFeedbackDoc, requestHash: string): { feedback: AppFeedbackView; replayed: true } {
  if (stored.requestHash !== requestHash) {
    throw new AppError('FEEDBACK.IDEMPOTENCY_CONFLICT', '这条投诉建议已经提交过了，内容不同，请重新填写');
  }
  return { feedback: appFeedbackViewOf(stored), replayed: true };
}

/**
 * 投诉建议: the caller (made a resident on a first call) and any earlier attempt of this form at once; a
 * place under the rate limit; the content check; one insert. A retry answers the first (not counted).
 */
export async function submitAppFeedback(request: SubmitRequest, caller: Caller, now: number) {
  const id = appFeedbackIdFor(caller.openid, request.idempotencyKey);
  const requestHash = requestHashOf(request);
  const [user, existing] = await Promise.all([ensureUser(caller.openid, now), findAppFeedback(id)]);
  if (existing) return replayOf(existing, requestHash);
  try {
    await takeRateSlot('appFeedback', user._id, APP_FEEDBACK_RATE_LIMIT, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE.LIMITED') {
      throw new AppError('RATE.LIMITED', '投诉建议提交太频繁了，请过一会儿再写。紧急情况请直接拨打 110。');
    }
    throw error;
  }
  const moderation = await checkUserText(caller.openid, request.text);
  const { kind, text, phone } = request;
  const feedback: AppFeedback = {
    id,
    personId: user._id,
    kind,
    text,
    ...(phone !== undefined && { phone }),
    submittedAt: now,
    status: 'open',
  };
  const { id: _id, ...fields } = feedback;
  const doc: AppFeedbackDoc = {
    _id,
    ...fields,
    openid: caller.openid,
    requestHash,
    moderation: { verdict: moderation.verdict, pending: moderation.pending },
    listKey: appFeedbackListKey(feedback),
    desk: APP_FEEDBACK_DESK,
  };
  if ((await insertAppFeedback(doc)) === 'inserted') return { feedback: appFeedbackViewOf(doc), replayed: false };
  const winner = await findAppFeedback(id);
  if (!winner) throw new Error(`appFeedback/${id}: the insert collided but the feedback is not there`);
  return replayOf(winner, requestHash);
}

/** The county centre, or AUTH.FORBIDDEN. */
export async function appFeedbackAnswerer(caller: Caller): Promise<KnownCaller> {
  const me = await findCaller(caller);
  if (!me || !mayAnswerAppFeedback(me.actor)) throw new AppError('AUTH.FORBIDDEN', '只有县综治中心可以查看和回复投诉建议');
  return me;
}

/**
 * 回复: the caller and the feedback at once; the county centre answers open feedback once, in one
 * transaction with the writer's message. 2 waves before the transaction (start, read, writes, commit).
 */
export async function replyAppFeedback(request: ParsedRequestOf<typeof replyAppFeedbackContract>, caller: Caller, now: number) {
  const [me, stored] = await Promise.all([findCaller(caller), findAppFeedback(request.feedbackId)]);
  if (!me || !mayAnswerAppFeedback(me.actor)) throw new AppError('AUTH.FORBIDDEN', '只有县综治中心可以回复投诉建议');
  if (!stored) throw new AppError('FEEDBACK.NOT_FOUND', '没有找到这条投诉建议');
  const outcome = answerAppFeedback(appFeedbackOf(stored), request.reply, me.actor, now);
  if (!outcome.ok) throw new AppError(outcome.code, '这条投诉建议已经回复过了');
  let answered: AppFeedback | undefined;
  try {
    answered = await answerInTransaction(outcome.feedback, appFeedbackReplyMessage(outcome.feedback, stored.openid));
  } catch (error) {
    if (error instanceof TransactionBusyError) throw new AppError('FEEDBACK.BUSY', '有人正在回复这条投诉建议，请刷新后再看');
    throw error;
  }
  if (!answered) throw new AppError('FEEDBACK.ALREADY_ANSWERED', '这条投诉建议已经回复过了');
  return { feedback: appFeedbackViewOf(answered) };
}
