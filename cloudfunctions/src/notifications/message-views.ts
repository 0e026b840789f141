import type { MessageView } from '@pingan/shared';
import type { MessageDoc } from './messages.repository';

/** A stored message as its recipient's 消息 list shows it: the report (or order, help call, informant application) a tap opens, never an openid. */
export function messageViewOf(doc: MessageDoc): MessageView {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    body: doc.body,
    ...('orderId' in doc
      ? { orderId: doc.orderId }
      : 'helpCallId' in doc
        ? { helpCallId: doc.helpCallId }
        : 'informantGridCode' in doc
          ? { informantGridCode: doc.informantGridCode }
          : 'openReportId' in doc
            ? { reportId: doc.openReportId }
            : {}),
    at: doc.at,
    read: doc.read,
    rateRequested: doc.rateRequested,
  };
}
