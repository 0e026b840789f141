import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { RESPONSE_TEMPLATES_MAX, RESPONSE_TEMPLATE_TEXT_MAX, responseTemplatesContract } from '@pingan/shared/contracts'

import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { call } from '../../../transport'
import TemplateSection from '../../templates/template-section'
import './index.scss'

/** A link's parameter as written, whether or not the platform decoded it already. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * 常用语: the 网格长 sets, for each move that takes a note (受理, 不予受理, 派单 … 返工), the phrases the
 * grid's staff tap into it on the case page (`?grid=<code>&name=<grid name>`). Each move saves on its own;
 * only the grid's 网格长 may save, and the server says so to anyone else.
 */
export default function StaffTemplatesPage() {
  const { grid = '', name } = useRouter().params
  const loaded = useCall(() => call(responseTemplatesContract, { gridCode: grid }), [grid])
  if (!loaded.data) return loaded.error ? <ErrorView error={loaded.error} onRetry={() => void loaded.reload()} /> : <LoadingView />
  return (
    <View className='staff-templates' id='staff-templates'>
      <View className='staff-templates__intro'>
        <Text className='staff-templates__title'>{name ? decoded(name) : grid}的常用语</Text>
        <Text className='staff-templates__hint' id='templates-limits'>
          {`办案写说明时，点一下常用语就能填入。每种办理最多 ${RESPONSE_TEMPLATES_MAX} 条，每条不超过 ${RESPONSE_TEMPLATE_TEXT_MAX} 字；全部删除后保存，就恢复为全县默认的常用语。`}
        </Text>
      </View>
      {loaded.data.templates.map((set) => (
        <TemplateSection key={set.action} gridCode={loaded.data!.gridCode} set={set} />
      ))}
    </View>
  )
}
