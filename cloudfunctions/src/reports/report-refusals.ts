import type { ReportErrorCode } from '@pingan/shared';

/**
 * The sentence each refusal of a report's lifecycle answers with, beside its code (the client shows its
 * own words for a code; logs and any other caller read these). One record over every REPORT code, so a
 * new code does not compile until it has its sentence.
 */
export const REPORT_REFUSALS: Readonly<Record<ReportErrorCode, string>> = {
  'REPORT.NOT_FOUND': '没有找到这条上报',
  'REPORT.IDEMPOTENCY_CONFLICT': '这条上报已经提交过了',
  'REPORT.INVALID_TRANSITION': '这件事现在的状态不能做这一步',
  'REPORT.FORBIDDEN': '这一步不归你做',
  'REPORT.PROOF_REQUIRED': '办结要有照片或一句说明',
  'REPORT.SELF_VERIFY': '办理人不能自己核查结案',
  'REPORT.NOTE_REQUIRED': '这一步要写明理由',
  'REPORT.INVALID_RATING': '评价要选 1 到 5 颗星',
  'REPORT.CANNOT_REOPEN': '只有评价为不满意的，才能在结案后 7 天内申请重新办理一次',
  'REPORT.INVALID_DUPLICATE': '一条上报不能是它自己的重复',
  'REPORT.CANNOT_ESCALATE': '这件事现在不能上报上级',
  'REPORT.NO_SUPERVISION': '没有需要回复的督办',
  'REPORT.BUSY': '同时办理这件事的人较多，请稍后再试',
  'REPORT.INVALID_ASSIGNEE': '只能派给本网格的网格员、网格长，或这件事的协办部门，且改派要换一个人',
  'REPORT.CANNOT_FOLLOW': '只能关注别人上报的、还在办理中的事',
  'REPORT.INVALID_HAND_BACK': '只能下派给本辖区内的网格',
};
