import Taro from '@tarojs/taro'

// The staff's alarm for a new help call nobody has answered. The browser plays a short beep through Web
// Audio, which browsers allow only once the page has had a user gesture: `armAlertSound` waits for the
// first tap and unlocks an AudioContext then. The mini-program vibrates long (a vibration reaches a phone
// in a pocket) and plays two beeps from a 2 KB file (4 kHz, 8-bit: the 880 Hz tone needs no more) copied into the package (config/index.ts), through
// the phone's mute switch: an unanswered call for help is what the switch must not silence.

type AudioContextClass = new () => AudioContext

let context: AudioContext | undefined
let armed = false

function audioContextClass(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }
  return w.AudioContext ?? w.webkitAudioContext
}

/** Makes the browser's beep playable from the next tap anywhere on the page on (once is enough). */
export function armAlertSound(): void {
  if (process.env.TARO_ENV !== 'h5' || armed || typeof document === 'undefined') return
  armed = true
  const unlock = () => {
    const Context = audioContextClass()
    if (!context && Context) context = new Context()
    void context?.resume().catch(() => undefined)
    document.removeEventListener('pointerdown', unlock, true)
    document.removeEventListener('keydown', unlock, true)
  }
  document.addEventListener('pointerdown', unlock, true)
  document.addEventListener('keydown', unlock, true)
}

/** The mini-program's alarm file, at the package's root (config/index.ts copies it there). */
export const HELP_ALERT_SOUND = '/assets/help-alert.wav'

let player: Taro.InnerAudioContext | undefined

/** Two short high beeps (in the browser, if the page was tapped before), and a long vibration in the mini-program. */
export function soundHelpAlert(): void {
  if (process.env.TARO_ENV !== 'h5') {
    Taro.vibrateLong().catch(() => undefined)
    if (!player) {
      Taro.setInnerAudioOption({ obeyMuteSwitch: false }).catch(() => undefined)
      player = Taro.createInnerAudioContext()
      player.src = HELP_ALERT_SOUND
    }
    player.stop()
    player.play()
    return
  }
  if (!context || context.state !== 'running') return
  const start = context.currentTime
  for (const offset of [0, 0.3]) {
    const tone = context.createOscillator()
    const gain = context.createGain()
    tone.frequency.value = 880
    gain.gain.setValueAtTime(0.4, start + offset)
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.2)
    tone.connect(gain).connect(context.destination)
    tone.start(start + offset)
    tone.stop(start + offset + 0.2)
  }
}
