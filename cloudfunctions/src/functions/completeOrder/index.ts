import { completeOrderContract } from '@pingan/shared';
import { assertOwnUploads } from '../../files/upload-slots';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { makeOrderMove } from '../../service/order-moves';

/**
 * `completeOrder` (完成): whoever holds the order reports it done with photos and a note. The photos must be
 * the caller's own uploads into their 'completion' slot for `uploadKey`, checked once the move is known to be
 * allowed and before anything is written; the event keeps the caller's openid and the key (storage only), so
 * orderDetail can check them again before it signs a URL. Then the requester is asked to confirm (消息).
 * Waves: the caller and the order; the photos (one getTempFileURL); the conditional update, marking the
 * order as owing the message; the requester (users by `_id`) and the templates; the message; the mark's
 * clearing beside the WeChat send.
 */
export const main = defineFunction(completeOrderContract, async (request, { caller, now }) => {
  const action = { type: 'complete', note: request.note ?? '', photos: request.photos } as const;
  const made = await makeOrderMove(request.orderId, action, caller, now.getTime(), {
    stored: { actorOpenid: caller.openid, uploadKey: request.uploadKey },
    beforeSave: () => assertOwnUploads(caller, 'completion', request.uploadKey, request.photos),
  });
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
