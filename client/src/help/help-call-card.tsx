import { Text, View } from '@tarojs/components'
import type { HelpCallView } from '@pingan/shared/contracts'
import type { ReactNode } from 'react'

import { alertedNames, comingText, HELP_ROLE_LABELS, HELP_STATUS_WORDS } from './help-labels'
import { DialButton } from './help-numbers'
import HelpTrace from './help-trace'

/**
 * A call as its requester reads it: where it stands, who was told, who answered and is coming (with a
 * button to call them), and every step. `children`: the requester's moves.
 */
export default function HelpCallCard({ call, alreadyOpen, children }: { call: HelpCallView; alreadyOpen?: boolean; children?: ReactNode }) {
  const coming = comingText(call)
  return (
    <View className={`help-call help-call--${call.status}`} id='help-call' data-status={call.status}>
      {alreadyOpen && <Text className='help-call__note'>您已有一个求助正在处理，下面是它的进展。</Text>}
      <Text className='help-call__status' id='help-status'>
        {HELP_STATUS_WORDS[call.status]}
      </Text>
      {/* Each name on one line: 网格员 赵丽 never breaks between 赵 and 丽. */}
      <Text className='help-call__told' id='help-told'>
        已通知：
        {alertedNames(call).map((name, i, all) => (
          <Text key={name} className='help-call__name'>
            {i < all.length - 1 ? `${name}、` : name}
          </Text>
        ))}
      </Text>
      {coming && (
        <Text className='help-call__coming' id='help-coming'>
          {coming}
        </Text>
      )}
      {call.responder?.phone && (
        <DialButton
          id='dial-responder'
          label={`打给${call.responder.name}（${HELP_ROLE_LABELS[call.responder.role]}）`}
          phone={call.responder.phone}
          emergency
        />
      )}
      {children}
      <HelpTrace call={call} />
    </View>
  )
}
