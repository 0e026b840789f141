import { Text, View } from '@tarojs/components'

import { CATEGORIES } from '../../labels/categories'

/** The problem's category as big buttons, two to a row; the chosen one is filled and ticked. */
export default function CategoryField({ value, onChange }: { value?: string; onChange: (code: string) => void }) {
  return (
    <View className='report-new__section'>
      <Text className='report-new__label'>是什么问题</Text>
      <View className='report-new__choices'>
        {CATEGORIES.map((category) => {
          const chosen = category.code === value
          return (
            <View
              key={category.code}
              id={`category-${category.code}`}
              className={`report-new__choice${chosen ? ' report-new__choice--chosen' : ''}`}
              aria-checked={chosen}
              role='radio'
              onClick={() => onChange(category.code)}
            >
              <Text>{chosen ? `✓ ${category.name}` : category.name}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
