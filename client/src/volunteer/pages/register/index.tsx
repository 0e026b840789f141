import { Input, Text, View } from '@tarojs/components'
import {
  myVolunteeringContract,
  registerVolunteerContract,
  VOLUNTEER_SKILLS_MAX,
  type RequestOf,
  type VolunteerApplicationView,
} from '@pingan/shared/contracts'
import { TASK_KIND_NAMES, TASK_KINDS, type TaskKind } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { useCatalog } from '../../../hooks/use-catalog'
import { useMe } from '../../../hooks/use-me'
import { formatDateTime } from '../../../labels/format'
import { go, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import '../../volunteer.scss'

type Form = { name: string; phone: string; partyMember: boolean; workUnit: string; skills: string[]; posts: TaskKind[] }

const STATUS_WORDS: Record<VolunteerApplicationView['status'], string> = {
  pending: '已提交，等网格员审核',
  approved: '审核通过，您已是本网格的志愿者',
  refused: '没有通过',
}

/** What the form still lacks, in words, as registerVolunteer's own schema judges it. */
export function formProblems(request: RequestOf<typeof registerVolunteerContract>): string[] {
  const checked = registerVolunteerContract.request.safeParse(request)
  if (checked.success) return []
  const fields = new Set(checked.error.issues.map((issue) => String(issue.path[0])))
  const words: Record<string, string> = {
    name: '请写您的姓名',
    phone: '请填写 11 位手机号',
    workUnit: '工作单位写得太长了',
    skills: `特长最多选 ${VOLUNTEER_SKILLS_MAX} 项`,
  }
  return [...fields].map((field) => words[field] ?? '有一项填得不对，请检查')
}

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

/** Where my application stands: pending, approved, or refused with the grid worker's reason. */
function ApplicationStatus({ application }: { application: VolunteerApplicationView }) {
  return (
    <View className='orders__card' id='application-status' data-status={application.status}>
      <Text className='orders__meta'>我的报到</Text>
      <Text className={`orders__status volunteer__status--${application.status}`}>{STATUS_WORDS[application.status]}</Text>
      {application.reason && <Text id='application-reason'>{`原因：${application.reason}`}</Text>}
      <Text className='orders__meta'>{`提交于 ${formatDateTime(application.appliedAt)}`}</Text>
      {application.status === 'refused' && <Text className='orders__hint'>可以修改后重新提交。</Text>}
    </View>
  )
}

/**
 * The skills to choose from: those the county's services name, as `catalog` hands them out (a catalog saved
 * before it carried them waits for the server's); chosen ones marked ✓.
 */
function SkillChoices({ chosen, onToggle }: { chosen: readonly string[]; onToggle: (skill: string) => void }) {
  const catalog = useCatalog()
  const skills = catalog.data?.skills
  if (!skills) {
    return catalog.error ? <ErrorView error={catalog.error} onRetry={() => void catalog.reload()} /> : <LoadingView />
  }
  return (
    <View className='orders__choices' id='volunteer-skills'>
      {skills.map((skill) => (
        <View
          key={skill}
          className={`orders__choice volunteer__choice${chosen.includes(skill) ? ' orders__choice--chosen' : ''}`}
          onClick={() => onToggle(skill)}
        >
          <Text>{chosen.includes(skill) ? `✓ ${skill}` : skill}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 网格报到 (在职党员/志愿者): a signed-in resident applies to their joined grid — name, mobile, 党员 or not,
 * 工作单位, skills and 党员责任岗 posts — and then reads where it stands (myVolunteering).
 */
export default function VolunteerRegisterPage() {
  const me = useMe()
  const mine = useCall(() => call(myVolunteeringContract, {}))
  const [form, setForm] = useState<Form>({ name: '', phone: '', partyMember: false, workUnit: '', skills: [], posts: [] })
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const update = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))

  if (!me.data || !mine.data) {
    const error = me.error ?? mine.error
    return error ? <ErrorView error={error} onRetry={() => void (me.error ? me.reload() : mine.reload())} /> : <LoadingView />
  }
  const grid = me.data.joinedGrid
  if (!grid) {
    return (
      <View className='orders'>
        <View className='orders__card'>
          <Text className='orders__title'>先加入您的网格</Text>
          <Text className='orders__hint'>扫一扫小区或村里张贴的网格二维码，加入后就能到网格报到。</Text>
          <BigButton onClick={() => go(routes.scan)}>扫码入格</BigButton>
        </View>
      </View>
    )
  }
  const application = mine.data.applications.find((a) => a.gridCode === grid.code)
  const request: RequestOf<typeof registerVolunteerContract> = {
    gridCode: grid.code,
    name: form.name.trim(),
    phone: form.phone.trim(),
    partyMember: form.partyMember,
    ...(form.workUnit.trim() !== '' && { workUnit: form.workUnit.trim() }),
    skills: form.skills,
    posts: form.posts,
  }
  const problems = formProblems(request)
  const submit = async () => {
    setTried(true)
    if (problems.length > 0) return
    setSending(true)
    setFailure(undefined)
    try {
      const answer = await call(registerVolunteerContract, request)
      mine.setData({
        ...mine.data!,
        applications: [answer.application, ...mine.data!.applications.filter((a) => a.id !== answer.application.id)],
      })
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setSending(false)
    }
  }
  const showForm = !application || application.status === 'refused'

  return (
    <View className='orders volunteer' id='volunteer-register'>
      <View className='orders__card'>
        <Text className='orders__title'>{`到${grid.name}报到`}</Text>
        <Text className='orders__hint'>在职党员、志愿者报到后，可以在任务大厅接单，为邻居服务，记服务时长和积分。</Text>
      </View>
      {application && <ApplicationStatus application={application} />}
      {showForm && (
        <>
          <View className='orders__card'>
            <Text className='orders__field'>姓名</Text>
            <Input
              id='volunteer-name'
              className='orders__input'
              value={form.name}
              placeholder='您的姓名'
              onInput={(e) => update({ name: e.detail.value })}
            />
            <Text className='orders__field'>手机号</Text>
            <Input
              id='volunteer-phone'
              className='orders__input'
              type='number'
              value={form.phone}
              placeholder='11 位手机号'
              onInput={(e) => update({ phone: e.detail.value })}
            />
            <Text className='orders__field'>是否党员</Text>
            <View className='orders__choices'>
              {([true, false] as const).map((party) => (
                <View
                  key={String(party)}
                  id={party ? 'party-yes' : 'party-no'}
                  className={`orders__choice${form.partyMember === party ? ' orders__choice--chosen' : ''}`}
                  onClick={() => update({ partyMember: party })}
                >
                  <Text>{party ? '党员' : '不是党员'}</Text>
                </View>
              ))}
            </View>
            <Text className='orders__field'>工作单位（可不填）</Text>
            <Input
              id='volunteer-work-unit'
              className='orders__input'
              value={form.workUnit}
              placeholder='如：县人民医院'
              onInput={(e) => update({ workUnit: e.detail.value })}
            />
          </View>
          <View className='orders__card'>
            <Text className='orders__label'>我的特长（可多选）</Text>
            <SkillChoices chosen={form.skills} onToggle={(skill) => update({ skills: toggled(form.skills, skill) })} />
            <Text className='orders__label'>党员责任岗（可多选）</Text>
            <View className='orders__choices' id='volunteer-posts'>
              {TASK_KINDS.map((post) => (
                <View
                  key={post}
                  className={`orders__choice volunteer__choice${form.posts.includes(post) ? ' orders__choice--chosen' : ''}`}
                  onClick={() => update({ posts: toggled(form.posts, post) })}
                >
                  <Text>{form.posts.includes(post) ? `✓ ${TASK_KIND_NAMES[post]}` : TASK_KIND_NAMES[post]}</Text>
                </View>
              ))}
            </View>
          </View>
          <View className='orders__actions'>
            {tried &&
              problems.map((problem) => (
                <Text key={problem} className='orders__problem'>
                  {problem}
                </Text>
              ))}
            {failure && (
              <View className='orders__error' role='alert' id='register-error'>
                {failure.message}
              </View>
            )}
            <BigButton id='submit-register' loading={sending} onClick={() => void submit()}>
              {application ? '重新提交报到' : '提交报到'}
            </BigButton>
          </View>
        </>
      )}
    </View>
  )
}
