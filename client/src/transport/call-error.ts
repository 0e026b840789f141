import type { ErrorCode } from '@pingan/shared/contracts'

/** Failures that happen on the way rather than in a cloud function. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE' | 'SIGNIN_REQUIRED' | 'CANCELLED'

export type CallErrorCode = ErrorCode | ClientErrorCode

// What a person reads when a call fails: plain words, and what to do next. Keyed by every server code
// (a code added to ERROR_CODES fails the typecheck here until it has its sentence).
const SERVER_MESSAGES: Record<ErrorCode, string> = {
  'INPUT.INVALID': '填写的内容有误，请检查后再试。',
  'AUTH.FORBIDDEN': '您没有权限做这件事。',
  'CATEGORY.NOT_FOUND': '这个问题类别已经停用，请重新选择。',
  'GRID.NOT_FOUND': '没有找到这个网格，请确认二维码是否正确。',
  'GRID.SCENE_INVALID': '这不是平安网格的二维码。',
  'CONTENT.RISKY': '内容里有不适宜的文字或图片，请修改后再提交。',
  'REPORT.NOT_FOUND': '没有找到这条上报。',
  'REPORT.IDEMPOTENCY_CONFLICT': '这条上报已经提交过了，请到“我的上报”里查看。',
  'REPORT.INVALID_TRANSITION': '这件事的办理状态已经变了，请刷新后再看。',
  'REPORT.FORBIDDEN': '这件事不归您办理。',
  'REPORT.PROOF_REQUIRED': '请上传照片或写一句说明。',
  'REPORT.SELF_VERIFY': '办理人不能自己核查结案。',
  'REPORT.NOTE_REQUIRED': '请写一句说明。',
  'REPORT.INVALID_RATING': '请选择 1 到 5 颗星。',
  'REPORT.CANNOT_REOPEN': '只有评价为不满意的，才能在结案后 7 天内申请重新办理一次。',
  'REPORT.INVALID_DUPLICATE': '请填写与它重复的那条上报的编号。',
  'REPORT.CANNOT_ESCALATE': '这件事现在不能上报上级。',
  'REPORT.NO_SUPERVISION': '没有需要回复的督办。',
  'REPORT.BUSY': '同时办理这件事的人较多，请稍后再试。',
  'REPORT.INVALID_ASSIGNEE': '只能派给本网格的网格员、网格长，或这件事的协办部门。',
  'REPORT.CANNOT_FOLLOW': '只能关注别人上报的、还在办理中的事。',
  'REPORT.INVALID_HAND_BACK': '只能下派给本辖区内的网格。',
  'ORDER.NOT_FOUND': '没有找到这个点单。',
  'ORDER.INVALID_TRANSITION': '这个点单的状态已经变了，请刷新后再看。',
  'ORDER.FORBIDDEN': '这个点单不归您办理。',
  'ORDER.TOO_LATE': '服务时间已到，不能再退单。',
  'ORDER.PROOF_REQUIRED': '请上传服务照片，并写一句说明。',
  'ORDER.NOTE_REQUIRED': '请写一句说明。',
  'ORDER.INVALID_RATING': '请选择 1 到 5 颗星。',
  'ORDER.IDEMPOTENCY_CONFLICT': '这个点单已经提交过了，请到“我的点单”里查看。',
  'ORDER.BUSY': '同时办理这个点单的人较多，请稍后再试。',
  'SERVICE.NOT_OFFERED': '本网格暂不提供这项服务，请重新选择。',
  'SERVICE.SLOT_INVALID': '这个时段已经不能预约了，请重新选择时段。',
  'SERVICE.SLOT_FULL': '这个时段已经约满了，请换一个时段。',
  'GRID.NOT_JOINED': '请先扫码加入您所在的网格，再点单或求助。',
  'VOLUNTEER.NOT_FOUND': '没有找到这份报到申请。',
  'VOLUNTEER.ALREADY_APPROVED': '您已经是这个网格的志愿者了。',
  'VOLUNTEER.ALREADY_DECIDED': '这份报到申请已经审核过了，请刷新后再看。',
  'VOLUNTEER.REASON_REQUIRED': '不通过时请写明原因。',
  'VOLUNTEER.SKILL_UNKNOWN': '有的特长不在可选范围内，请重新选择。',
  'INFORMANT.NOT_FOUND': '没有找到这份信息员申请。',
  'INFORMANT.ALREADY_APPROVED': '您已经是这个网格的信息员了。',
  'INFORMANT.ALREADY_DECIDED': '这份信息员申请已经审核过了，请刷新后再看。',
  'INFORMANT.NOT_APPROVED': '他现在不是本网格的信息员，请刷新后再看。',
  'INFORMANT.REASON_REQUIRED': '不通过或取消资格时请写明原因。',
  'INFORMANT.STAFF': '网格工作人员不能申请成为信息员。',
  'TASK.SLOT_INVALID': '任务时间要在今后 30 天内，结束晚于开始，且不超过 8 小时。',
  'HELP.NOT_FOUND': '没有找到这次求助。',
  'HELP.ALREADY_ANSWERED': '这次求助已经有人收到，正在处理。',
  'HELP.ENDED': '这次求助已经结束（已处置或已取消）。',
  'HELP.NOTE_REQUIRED': '请写一句处置情况。',
  'HELP.BUSY': '同时处理这次求助的人较多，请再点一次。',
  'POINTS.NOT_AWARDED': '这条上报没有发过奖励，无需冲正。',
  'POINTS.ALREADY_REVERSED': '这条上报的奖励已经冲正过了。',
  'POINTS.PERSON_NOT_FOUND': '没有找到这个人，或他不在您的辖区。',
  'POINTS.IDEMPOTENCY_CONFLICT': '这次调整已用其他内容提交过，请刷新后重新填写。',
  'POINTS.REASON_REQUIRED': '请写明调整的原因。',
  'SETTLEMENT.NOT_FOUND': '这个月还没有结算。',
  'SETTLEMENT.NOT_CLOSED': '本月结算中，结算完成后才能下载。',
  'SETTLEMENT.UNRECONCILED': '结算表与账本对不上，已记录，请联系系统管理员。',
  'POINTS.INSUFFICIENT': '您的爱心积分不够兑换这一件。',
  'MARKET.NOT_FOUND': '没有找到这件物品，可能已经下架。',
  'MARKET.INACTIVE': '这件物品暂停兑换了。',
  'MARKET.OUT_OF_STOCK': '这件物品已经兑完了。',
  'MARKET.LIMIT_REACHED': '这件物品每人可兑换的数量已经用完。',
  'MARKET.STOCK_INVALID': '库存不能少于 0，也不能超过 100000。',
  'MARKET.REDEMPTION_NOT_FOUND': '没有找到这次兑换。',
  'MARKET.INVALID_TRANSITION': '这次兑换已经领取、取消或退回了，请刷新后再看。',
  'MARKET.CODE_MISMATCH': '兑换码不对，请核对居民出示的 6 位兑换码。',
  'MARKET.REASON_REQUIRED': '退回兑换时请写明原因。',
  'MARKET.IDEMPOTENCY_CONFLICT': '这次兑换已经提交过了，请到“我的兑换”里查看。',
  'MARKET.BUSY': '同时兑换的人较多，请再点一次。',
  'FEEDBACK.NOT_FOUND': '没有找到这条投诉建议。',
  'FEEDBACK.ALREADY_ANSWERED': '这条投诉建议已经回复过了，请刷新后再看。',
  'FEEDBACK.IDEMPOTENCY_CONFLICT': '这条投诉建议已经提交过了，请到“我的投诉建议”里查看。',
  'FEEDBACK.BUSY': '有人正在回复这条投诉建议，请刷新后再看。',
  'RATE.LIMITED': '上报太频繁了，请稍后再试。紧急情况请直接拨打 110。',
  'LOCATION.OUTSIDE_COUNTY': '位置不在本县范围内。请重新选择位置，或不带位置提交；本县以外的事项请拨打 12345 热线。',
  'FILE.NOT_YOURS': '照片不是您为这一条上传的，需要重新上传。',
  'FILE.NOT_FOUND': '照片还没有上传完成，需要重新上传。',
  'INTERNAL.ERROR': '系统开小差了，请稍后再试。',
}

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK: '网络不好，没有连上。请检查网络后再试一次。',
  TIMEOUT: '网络太慢，等了很久没有回音。请稍后再试一次。',
  BAD_RESPONSE: '系统返回的内容看不懂，请稍后再试。',
  SIGNIN_REQUIRED: '请先选择一位演示用户登录。',
  CANCELLED: '已取消上传。',
}

// A refused photo is uploaded again by the next try (the report draft forgets the refused uploads).
const RETRYABLE: readonly CallErrorCode[] = [
  'NETWORK',
  'TIMEOUT',
  'BAD_RESPONSE',
  'INTERNAL.ERROR',
  'REPORT.BUSY',
  'HELP.BUSY',
  'MARKET.BUSY',
  'FEEDBACK.BUSY',
  'FILE.NOT_YOURS',
  'FILE.NOT_FOUND',
]

// Codes whose server message is written for the person and says more than the fixed sentence can (when
// to try again); any other server message is for logs only.
const SHOWN_AS_SENT: readonly CallErrorCode[] = ['RATE.LIMITED']

/** The Chinese sentence shown for an error code; unknown codes (a newer server) get a generic one. */
export function friendlyMessage(code: string): string {
  if (code in SERVER_MESSAGES) return SERVER_MESSAGES[code as ErrorCode]
  if (code in CLIENT_MESSAGES) return CLIENT_MESSAGES[code as ClientErrorCode]
  return '操作没有成功，请稍后再试。'
}

/** A failed call: a stable code to switch on, and the message to show. */
export class CallError extends Error {
  readonly code: CallErrorCode
  /** What the server or the platform said, for logs; shown only for the codes of SHOWN_AS_SENT. */
  readonly detail: string

  constructor(code: CallErrorCode, detail = '') {
    super(SHOWN_AS_SENT.includes(code) && detail !== '' ? detail : friendlyMessage(code))
    this.name = 'CallError'
    this.code = code
    this.detail = detail
  }

  /** Whether trying the same call again may succeed (network trouble, a hiccup on the server). */
  get retryable(): boolean {
    return RETRYABLE.includes(this.code)
  }
}

/** Any thrown value as a CallError, so pages have one kind of error to show. */
export function asCallError(error: unknown): CallError {
  if (error instanceof CallError) return error
  return new CallError('NETWORK', error instanceof Error ? error.message : String(error))
}
