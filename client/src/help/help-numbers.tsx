import { Text, View } from '@tarojs/components'
import type { GridCard } from '@pingan/shared/contracts'

import { dial } from '../device/phone'
import { STAFF_ROLE_LABELS } from '../labels/staff-labels'

type DialNumber = { key: string; label: string; phone: string; hint?: string; emergency?: boolean }

/**
 * One big button per number, the number itself always written out: a tap dials it (in the browser a `tel:`
 * link, which a phone's browser hands to its dialler).
 */
export function DialButton({ label, phone, hint, emergency, id }: Omit<DialNumber, 'key'> & { id?: string }) {
  const body = (
    <>
      <Text className='help-dial__label'>{label}</Text>
      <Text className='help-dial__phone'>{phone}</Text>
      {hint && <Text className='help-dial__hint'>{hint}</Text>}
    </>
  )
  const className = `help-dial${emergency ? ' help-dial--emergency' : ''}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a id={id} className={className} href={`tel:${phone}`} aria-label={`拨打${label} ${phone}`}>
        {body}
      </a>
    )
  }
  return (
    <View id={id} className={className} aria-label={`拨打${label} ${phone}`} onClick={() => dial(phone)}>
      {body}
    </View>
  )
}

/** 110, 120 and the grid's staff: what the person can call at once, whatever the app manages to send. */
export default function HelpNumbers({ staff, id = 'help-numbers' }: { staff: readonly GridCard['staff'][number][]; id?: string }) {
  const numbers: DialNumber[] = [
    { key: '110', label: '报警', phone: '110', emergency: true },
    { key: '120', label: '急救', phone: '120', emergency: true },
    ...staff
      .filter((member) => member.phone)
      .map((member) => ({
        key: `${member.role}-${member.name}`,
        label: `${STAFF_ROLE_LABELS[member.role]} ${member.name}`,
        phone: member.phone,
      })),
  ]
  return (
    <View className='help-numbers' id={id}>
      {numbers.map(({ key, ...number }) => (
        <DialButton key={key} id={`dial-${number.phone}`} {...number} />
      ))}
    </View>
  )
}
