import { raiseHelpContract, type HelpCallView } from '@pingan/shared/contracts'
import { useEffect, useRef, useState } from 'react'

import { deviceLocationWithin, type PickedLocation } from '../device/location'
import { asCallError, call, type CallError } from '../transport'
import { forgetPendingHelp, helpKeyToSend } from './pending-help'

/** Seconds between 发出求助 and the call going out, while a very large 取消 can still undo an accidental tap. */
export const HELP_COUNTDOWN_SECONDS = 5
/** The longest the phone's location is waited for: a call for help goes out without one rather than wait. */
export const HELP_LOCATION_WAIT_MS = 3000

export type RaiseState =
  { phase: 'idle' } | { phase: 'counting'; secondsLeft: number } | { phase: 'sending' } | { phase: 'failed'; error: CallError }

/**
 * 发出求助 → a 5-second countdown (取消 undoes it, 立即发出 cuts it short) → raiseHelp, with the location if the
 * phone gave it within HELP_LOCATION_WAIT_MS of the first tap, under the key kept on the device until the
 * server answers (a retry sends the same call). `onRaised` gets the call the server made or already had.
 */
export function useRaiseHelp(onRaised: (call: HelpCallView, alreadyOpen: boolean) => void) {
  const [state, setState] = useState<RaiseState>({ phase: 'idle' })
  const timer = useRef<ReturnType<typeof setInterval>>()
  const location = useRef<Promise<PickedLocation | undefined>>()
  const sending = useRef(false)
  const raisedRef = useRef(onRaised)
  raisedRef.current = onRaised

  const stopTimer = () => {
    if (timer.current !== undefined) clearInterval(timer.current)
    timer.current = undefined
  }
  useEffect(() => stopTimer, [])

  const send = async () => {
    stopTimer()
    if (sending.current) return
    sending.current = true
    setState({ phase: 'sending' })
    try {
      const idempotencyKey = helpKeyToSend(Date.now())
      const where = await (location.current ?? deviceLocationWithin(HELP_LOCATION_WAIT_MS))
      const answer = await call(raiseHelpContract, { idempotencyKey, ...(where && { location: where.lngLat }) })
      forgetPendingHelp()
      setState({ phase: 'idle' })
      raisedRef.current(answer.call, answer.alreadyOpen)
    } catch (error) {
      // The key stays: 重新发出 sends the same call, so a reply lost on the way makes no second one.
      setState({ phase: 'failed', error: asCallError(error) })
    } finally {
      sending.current = false
      location.current = undefined
    }
  }

  const start = () => {
    if (timer.current !== undefined || sending.current) return
    location.current = deviceLocationWithin(HELP_LOCATION_WAIT_MS)
    let left = HELP_COUNTDOWN_SECONDS
    setState({ phase: 'counting', secondsLeft: left })
    timer.current = setInterval(() => {
      left -= 1
      if (left <= 0) void send()
      else setState({ phase: 'counting', secondsLeft: left })
    }, 1000)
  }

  const cancel = () => {
    stopTimer()
    location.current = undefined
    setState({ phase: 'idle' })
  }

  return { state, start, cancel, sendNow: () => void send(), retry: () => void send() }
}
