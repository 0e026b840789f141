import { Text, View } from '@tarojs/components'

/** 实名 / 匿名 as two big buttons rather than a small switch; says what anonymity means. */
export default function AnonymousField({ anonymous, onChange }: { anonymous: boolean; onChange: (anonymous: boolean) => void }) {
  const option = (value: boolean, label: string, id: string) => (
    <View
      id={id}
      className={`report-new__choice${anonymous === value ? ' report-new__choice--chosen' : ''}`}
      role='radio'
      aria-checked={anonymous === value}
      onClick={() => onChange(value)}
    >
      <Text>{anonymous === value ? `✓ ${label}` : label}</Text>
    </View>
  )
  return (
    <View className='report-new__section'>
      <Text className='report-new__label'>要不要留名字</Text>
      <View className='report-new__choices'>
        {option(false, '实名上报', 'anonymous-off')}
        {option(true, '匿名上报', 'anonymous-on')}
      </View>
      <Text className='report-new__hint'>
        {anonymous ? '网格员看不到您的名字；积分照常给您。' : '网格员能看到您的名字，方便找您了解情况。'}
      </Text>
    </View>
  )
}
