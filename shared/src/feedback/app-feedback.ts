import type { RateLimit } from '../limits/rate-limits';
import type { Actor } from '../people/actor';
import { shanghaiDayKey } from '../time/shanghai-time';

/**
 * 投诉建议 about the app itself (not about a place: that is a report). A resident says what is wrong with the
 * app, or what it should do, and the county's 综治中心, which runs the app, answers.
 */
export const APP_FEEDBACK_KINDS = ['complaint', 'suggestion', 'usage'] as const;
export type AppFeedbackKind = (typeof APP_FEEDBACK_KINDS)[number];

export const APP_FEEDBACK_STATUSES = ['open', 'answered'] as const;
export type AppFeedbackStatus = (typeof APP_FEEDBACK_STATUSES)[number];

export const APP_FEEDBACK_TEXT_MIN = 5;
export const APP_FEEDBACK_TEXT_MAX = 500;
export const APP_FEEDBACK_REPLY_MAX = 500;

/** Feedback is written now and then: 3 an hour and 10 a day a person keep a stuck button from flooding the centre. */
export const APP_FEEDBACK_RATE_LIMIT: RateLimit = { windowMinutes: 60, perWindow: 3, perDay: 10 };

/** One piece of feedback as the domain sees it. */
export type AppFeedback = {
  readonly id: string;
  readonly personId: string;
  readonly kind: AppFeedbackKind;
  readonly text: string;
  readonly phone?: string;
  readonly submittedAt: number;
  readonly status: AppFeedbackStatus;
  readonly reply?: string;
  readonly repliedAt?: number;
  readonly repliedBy?: string;
};

/** Who answers feedback about the app: the county's 综治中心, which runs it. */
export function mayAnswerAppFeedback(actor: Pick<Actor, 'centre'>): boolean {
  return actor.centre?.level === 'county';
}

/**
 * The number a writer quotes (on the phone, in a second message): `JY` + the Asia/Shanghai day it was
 * written + the id's first 6 characters after its prefix, upper-cased. The id is a digest, so two pieces of
 * one day share a number only by a 1-in-16-million chance; the centre's list shows the number beside the text.
 */
export function appFeedbackReference(id: string, submittedAt: number): string {
  return `JY${shanghaiDayKey(submittedAt).replace(/-/g, '')}-${id.slice(1, 7).toUpperCase()}`;
}

/** Far above any instant, so unanswered feedback sorts before answered in one descending key. */
const UNANSWERED_FIRST = 4_000_000_000_000 * 2;

/**
 * The centre's list order as one number, read descending: unanswered first, the longest waiting first; then
 * answered, the latest answer first.
 */
export function appFeedbackListKey(feedback: Pick<AppFeedback, 'status' | 'submittedAt' | 'repliedAt'>): number {
  if (feedback.status === 'open') return UNANSWERED_FIRST - feedback.submittedAt;
  return feedback.repliedAt ?? feedback.submittedAt;
}

/** The answer, once: feedback already answered is refused (the writer was told; a second reply would contradict). */
export function answerAppFeedback(
  feedback: AppFeedback,
  reply: string,
  actor: Pick<Actor, 'id' | 'centre'>,
  now: number,
): { ok: true; feedback: AppFeedback } | { ok: false; code: 'AUTH.FORBIDDEN' | 'FEEDBACK.ALREADY_ANSWERED' } {
  if (!mayAnswerAppFeedback(actor)) return { ok: false, code: 'AUTH.FORBIDDEN' };
  if (feedback.status !== 'open') return { ok: false, code: 'FEEDBACK.ALREADY_ANSWERED' };
  return { ok: true, feedback: { ...feedback, status: 'answered', reply, repliedAt: now, repliedBy: actor.id } };
}

export const APP_FEEDBACK_MESSAGE_KINDS = ['appFeedbackReplied'] as const;
export type AppFeedbackMessageKind = (typeof APP_FEEDBACK_MESSAGE_KINDS)[number];

/** The writer's 消息 of the answer, as the `messages` collection keeps it: its id is the feedback's, so it is written once. */
export type AppFeedbackMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: AppFeedbackMessageKind;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

const KIND_NAMES: Readonly<Record<AppFeedbackKind, string>> = { complaint: '投诉', suggestion: '建议', usage: '使用问题' };

/** What the writer reads in 消息 once the centre answered: which feedback (by its number) and the answer. */
export function appFeedbackReplyMessage(answered: AppFeedback, recipientOpenid: string): AppFeedbackMessage {
  return {
    _id: `feedback:${answered.id}`,
    recipientId: answered.personId,
    recipientOpenid,
    kind: 'appFeedbackReplied',
    title: `您的${KIND_NAMES[answered.kind]}有了回复`,
    body: `编号 ${appFeedbackReference(answered.id, answered.submittedAt)}：${answered.reply ?? ''}`,
    at: answered.repliedAt ?? answered.submittedAt,
    rateRequested: false,
    read: false,
  };
}
