import { Text, View } from '@tarojs/components'
import {
  acceptReportContract,
  answerSupervisionContract,
  assignReportContract,
  escalateReportContract,
  handBackReportContract,
  reassignReportContract,
  rejectReportContract,
  resolveReportContract,
  reverseAwardContract,
  startReportContract,
  superviseReportContract,
  verifyReportContract,
  type ReportDetail,
  type ResponseOf,
  type ResponseTemplateAction,
  type StaffMove,
  type caseActionsContract,
} from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import CallButton from '../../components/call-button'
import { dial } from '../../device/phone'
import { call, type CallError } from '../../transport'
import AssignForm, { type AssignRequest } from './assign-form'
import RejectForm, { type RejectRequest } from './reject-form'
import ResolveForm, { type ResolveRequest } from './resolve-form'
import ReverseAwardForm, { type ReverseRequest } from './reverse-award-form'
import SupervisionMoves, { type SupervisionRequest } from './supervision-moves'
import VerifyForm, { type VerifyRequest } from './verify-form'

export type CaseActions = ResponseOf<typeof caseActionsContract>

type Props = {
  report: ReportDetail
  actions: CaseActions
  busy: boolean
  error: CallError | undefined
  phrasesFor: (move: ResponseTemplateAction) => string[]
  /** Runs a move; the page shows `done` once it went through and reads the case again. */
  act: (run: () => Promise<unknown>, done: string) => Promise<void>
}

/**
 * What the caller may do to the case now, exactly the moves caseActions answers (the transition table
 * and its authorities decide, on the server): 受理 / 不予受理, 派单 (or 我自己处理), 开始处置, 办结 with
 * proof, 核查 结案 / 返工, 改派 with a reason; 上报上级, 下派, 督办 and 回复督办 (SupervisionMoves); 撤销奖励
 * (ReverseAwardForm); a call to the reporter when the report is not anonymous.
 */
export default function CasePanel({ report, actions, busy, error, phrasesFor, act }: Props) {
  const [rejecting, setRejecting] = useState(false)
  const [reassigning, setReassigning] = useState(false)
  const reportId = report.id
  const may = (move: StaffMove) => actions.moves.includes(move)

  // 受理 is not asked again, unlike 不予受理 (RejectForm): it is most of a grid worker's taps in a day, and
  // a dialog on every one teaches tapping 确定 unread, which would blunt the one that matters. Its cost
  // when mistaken is bounded (one award, under the daily cap); a wrong 不予受理 tells a resident no.
  const accept = () => act(() => call(acceptReportContract, { reportId }), '已受理')
  // Once it went through the case is read again and this panel made anew for the new status.
  const reject = (request: RejectRequest) => act(() => call(rejectReportContract, { ...request, reportId }), '已退回')
  const assign = (request: AssignRequest) => act(() => call(assignReportContract, { ...request, reportId }), '已派单')
  // 改派: the note is the reason the lifecycle asks for.
  const reassign = ({ to, note }: AssignRequest) => act(() => call(reassignReportContract, { reportId, to, reason: note ?? '' }), '已改派')
  const start = () => act(() => call(startReportContract, { reportId }), '已开始处置')
  const resolve = (request: ResolveRequest) => act(() => call(resolveReportContract, { ...request, reportId }), '已办结')
  const supervision = ({ move, note, gridCode }: SupervisionRequest) => {
    if (move === 'escalate') return act(() => call(escalateReportContract, { reportId, reason: note }), '已上报上级')
    if (move === 'handBack') return act(() => call(handBackReportContract, { reportId, gridCode: gridCode ?? '', reason: note }), '已下派')
    if (move === 'supervise') return act(() => call(superviseReportContract, { reportId, note }), '已督办')
    return act(() => call(answerSupervisionContract, { reportId, note }), '已回复督办')
  }
  const reverse = (request: ReverseRequest) => act(() => call(reverseAwardContract, { ...request, reportId }), '已撤销奖励')
  const verify = (request: VerifyRequest) =>
    act(() => call(verifyReportContract, { ...request, reportId }), request.decision === 'close' ? '已结案' : '已退回返工')

  return (
    <View className='staff-case__actions' id='case-actions' data-moves={actions.moves.join(' ')}>
      {actions.assignee && (
        <Text className='staff-case__assignee' id='case-assignee'>
          {actions.assignee.kind === 'department' ? '协办部门' : '办理人'}：{actions.assignee.name}
        </Text>
      )}
      {error && <Text className='staff-case__error'>{error.message}</Text>}
      {rejecting ? (
        <RejectForm reportId={reportId} busy={busy} phrases={phrasesFor('reject')} onSubmit={reject} onCancel={() => setRejecting(false)} />
      ) : (
        <>
          {may('accept') && (
            <BigButton id='accept-report' loading={busy} onClick={() => void accept()}>
              受理（有效上报）
            </BigButton>
          )}
          {may('reject') && (
            <BigButton id='start-reject' kind='danger' disabled={busy} onClick={() => setRejecting(true)}>
              不予受理
            </BigButton>
          )}
        </>
      )}
      {may('assign') && (
        <AssignForm
          people={actions.people}
          departments={actions.departments}
          busy={busy}
          phrases={phrasesFor('assign')}
          onSubmit={assign}
        />
      )}
      {may('reassign') &&
        (reassigning ? (
          <>
            <AssignForm
              people={actions.people}
              departments={actions.departments}
              busy={busy}
              phrases={[]}
              reasonRequired
              submitText='确认改派'
              onSubmit={(r) => void reassign(r)}
            />
            <BigButton kind='secondary' disabled={busy} onClick={() => setReassigning(false)}>
              取消改派
            </BigButton>
          </>
        ) : (
          <BigButton id='start-reassign' kind='secondary' disabled={busy} onClick={() => setReassigning(true)}>
            改派给别人
          </BigButton>
        ))}
      {may('start') && (
        <BigButton id='start-report' loading={busy} onClick={() => void start()}>
          开始处置
        </BigButton>
      )}
      {may('resolve') && <ResolveForm busy={busy} phrases={phrasesFor('resolve')} onSubmit={(r) => void resolve(r)} />}
      {(may('close') || may('rework')) && (
        <VerifyForm
          busy={busy}
          canClose={may('close')}
          canRework={may('rework')}
          phrases={{ close: phrasesFor('close'), rework: phrasesFor('rework') }}
          onSubmit={(r) => void verify(r)}
        />
      )}
      <SupervisionMoves
        moves={actions.moves}
        grids={actions.grids ?? []}
        pending={report.supervisionPending}
        busy={busy}
        onSubmit={(r) => void supervision(r)}
      />
      {may('reverseAward') && actions.award && <ReverseAwardForm award={actions.award} busy={busy} onSubmit={reverse} />}
      {actions.reporterPhone && report.reporter && (
        <View className='staff-case__call' id='call-reporter'>
          <CallButton role='上报人' name={report.reporter.name} phone={actions.reporterPhone} onCall={dial} />
        </View>
      )}
    </View>
  )
}
