import { Text, Textarea, View } from '@tarojs/components'

type Props = {
  id: string
  value: string
  placeholder: string
  onChange: (value: string) => void
  /** 常用语 for this move (the grid's response templates): a tap writes one into the note. */
  phrases?: readonly string[]
}

/** Where a phrase goes: the whole note when it is empty, else after what is there. */
export function withPhrase(note: string, phrase: string): string {
  const kept = note.trimEnd()
  return kept === '' ? phrase : `${kept}${/[。！？；，、]$/.test(kept) ? '' : '，'}${phrase}`
}

/** A note field with the move's 常用语 above it, each a large tappable chip (staff write these many times a day). */
export default function NoteField({ id, value, placeholder, onChange, phrases = [] }: Props) {
  return (
    <View className='staff-case__note-field'>
      {phrases.length > 0 && (
        <View className='staff-case__phrases' id={`${id}-phrases`} aria-label='常用语'>
          <Text className='staff-case__phrases-label'>常用语（点一下填入）</Text>
          {phrases.map((phrase) => (
            <Text key={phrase} className='staff-case__phrase' onClick={() => onChange(withPhrase(value, phrase))}>
              {phrase}
            </Text>
          ))}
        </View>
      )}
      <Textarea
        id={id}
        className='staff-case__input staff-case__note'
        value={value}
        maxlength={500}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  )
}
