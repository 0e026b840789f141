import type { InformantApplication } from './informant-application';
import type { InformantMessageKind } from './informant-constants';

/**
 * What an applicant is told in 消息 when the grid's staff approve, refuse or remove them (written in the
 * decision's own transaction). The id is `<applicationId>:<version after the decision>`, so one decision
 * is one message and a later decision of the same application another.
 */
export type InformantMessage = {
  readonly _id: string;
  readonly recipientId: string;
  readonly recipientOpenid: string;
  readonly kind: InformantMessageKind;
  /** The grid the application is for (a tap opens the applicant's 申请成为信息员 page). */
  readonly informantGridCode: string;
  readonly title: string;
  readonly body: string;
  readonly at: number;
  readonly rateRequested: false;
  readonly read: false;
};

/** The message of a decided application (approved, refused or removed) to its applicant; undefined while pending. */
export function informantMessageFor(
  application: InformantApplication,
  applicant: { readonly openid: string },
  gridName: string,
  version: number,
): InformantMessage | undefined {
  const { status, reason = '' } = application;
  if (status === 'pending' || application.decidedAt === undefined) return undefined;
  const words = {
    approved: {
      kind: 'informantApproved',
      title: '信息员申请已通过',
      body: `您已是${gridName}的兼职信息员。在本网格上报的问题经核实受理，按以奖代补发给您奖励，每月结算。`,
    },
    refused: { kind: 'informantRefused', title: '信息员申请未通过', body: `${gridName}：${reason}` },
    removed: {
      kind: 'informantRemoved',
      title: '您已不再是信息员',
      body: `${gridName}的网格员取消了您的兼职信息员资格：${reason}。已发的奖励不受影响。`,
    },
  } as const;
  const { kind, title, body } = words[status];
  return {
    _id: `${application.id}:${version}`,
    recipientId: application.personId,
    recipientOpenid: applicant.openid,
    kind,
    informantGridCode: application.gridCode,
    title,
    body,
    at: application.decidedAt,
    rateRequested: false,
    read: false,
  };
}
