import { appFeedbackListKey, type AppFeedback, type AppFeedbackMessage } from '@pingan/shared';
import { MESSAGES } from '../notifications/messages.repository';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db, inTransaction, isDuplicateKey, oneOf } from '../platform/sdk';

export const APP_FEEDBACK = 'appFeedback';
/**
 * Whose list feedback is on: the county centre's, which runs the app (one list per deployment). Stored on
 * every document so that the list's query has an equality to lead its index with (a query with no
 * condition and a sort is a scan).
 */
export const APP_FEEDBACK_DESK = 'county';

/**
 * Feedback as stored: the domain's (its `id` as `_id`) and the storage-only fields: the writer's `openid`
 * (their message), the idempotency `requestHash` (a retry from a changed form is refused), the content
 * check's verdict, and `listKey` (the centre's order: appFeedbackListKey).
 */
export type AppFeedbackDoc = Omit<AppFeedback, 'id'> & {
  readonly _id: string;
  readonly openid: string;
  readonly requestHash: string;
  readonly moderation: { readonly verdict: string; readonly pending: boolean };
  readonly listKey: number;
  readonly desk: typeof APP_FEEDBACK_DESK;
};

export function appFeedbackOf(doc: AppFeedbackDoc): AppFeedback {
  const { _id, openid: _openid, requestHash: _hash, moderation: _moderation, listKey: _listKey, desk: _desk, ...feedback } = doc;
  return { ...feedback, id: _id };
}

export function findAppFeedback(id: string): Promise<AppFeedbackDoc | undefined> {
  return oneOf<AppFeedbackDoc>(db().collection(APP_FEEDBACK).doc(id).get());
}

/** One insert; `exists` when a retry with the same key stored it first. */
export async function insertAppFeedback(doc: AppFeedbackDoc): Promise<'inserted' | 'exists'> {
  try {
    await db()
      .collection(APP_FEEDBACK)
      .add({ data: { ...doc } });
    return 'inserted';
  } catch (error) {
    if (isDuplicateKey(error)) return 'exists';
    throw error;
  }
}

/** A person's feedback, the latest first: one page on `person_time`. */
export function appFeedbackOfPerson(personId: string, page: PageRead): Promise<Page<AppFeedbackDoc>> {
  return readKeysetPage<AppFeedbackDoc>({ collection: APP_FEEDBACK, where: { personId }, orderBy: 'submittedAt', direction: 'desc' }, page);
}

/** All feedback, unanswered first (the longest waiting first), then the latest answered: one page on `desk_list`. */
export function appFeedbackPage(page: PageRead): Promise<Page<AppFeedbackDoc>> {
  return readKeysetPage<AppFeedbackDoc>(
    { collection: APP_FEEDBACK, where: { desk: APP_FEEDBACK_DESK }, orderBy: 'listKey', direction: 'desc' },
    page,
  );
}

/**
 * The answer and the writer's message in one transaction, the feedback still unanswered when read inside:
 * both or neither. Answers undefined when someone answered first.
 */
export function answerInTransaction(answered: AppFeedback, message: AppFeedbackMessage): Promise<AppFeedback | undefined> {
  return inTransaction(async (tx) => {
    const stored = (await tx.collection(APP_FEEDBACK).doc(answered.id).get()).data as AppFeedbackDoc | null;
    if (!stored || stored.status !== 'open') return undefined;
    const { _id: messageId, ...messageFields } = message;
    await Promise.all([
      tx
        .collection(APP_FEEDBACK)
        .doc(answered.id)
        .update({
          data: {
            status: answered.status,
            reply: answered.reply,
            repliedAt: answered.repliedAt,
            repliedBy: answered.repliedBy,
            listKey: appFeedbackListKey(answered),
          },
        }),
      tx.collection(MESSAGES).doc(messageId).set({ data: messageFields }),
    ]);
    return answered;
  });
}
