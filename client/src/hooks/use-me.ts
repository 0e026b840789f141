import { meContract, type ResponseOf } from '@pingan/shared/contracts'
import { ownsCases } from '@pingan/shared/people'

import { call } from '../transport'
import { useCall } from './use-call'

export type Me = ResponseOf<typeof meContract>

// Kept between pages so coming back to one shows the last answer at once while a fresh one loads.
let lastMe: Me | undefined

/** Who is using the app: name, roles, joined grid. */
export function useMe() {
  const state = useCall(async () => {
    lastMe = await call(meContract, {})
    return lastMe
  })
  return { ...state, data: state.data ?? lastMe }
}

/** Forgets the cached caller (after signing in as someone else in the browser build). */
export function forgetMe(): void {
  lastMe = undefined
}

/** Whether the caller owns cases (and so sees the staff workbench): the domain's rule, not a list of our own. */
export function isCaseWorker(me: Me): boolean {
  return ownsCases(me.roles)
}
