import { envelopeSchema, failureSchema, type Contract, type RequestOf, type ResponseOf } from '@pingan/shared/contracts'

import { CallError } from './call-error'
import { callFunction } from './cloud'

/** How long a call may take before the page offers to retry (slow rural networks are normal). */
export const CALL_TIMEOUT_MS = 20_000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CallError('TIMEOUT', `no answer in ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * Calls one cloud function through its contract: checks the request, parses the envelope that comes
 * back, and resolves with the response data or rejects with a CallError carrying a friendly message.
 */
export async function call<C extends Contract>(contract: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const checked = contract.request.safeParse(request)
  if (!checked.success) throw new CallError('INPUT.INVALID', `${contract.name}: ${checked.error.message}`)
  const raw = await withTimeout(callFunction(contract.name, checked.data), CALL_TIMEOUT_MS)
  const envelope = envelopeSchema(contract.response).safeParse(raw)
  if (envelope.success) {
    if (envelope.data.ok) return envelope.data.data as ResponseOf<C>
    throw new CallError(envelope.data.code, envelope.data.message)
  }
  // A failure with a code this client does not know yet still reads as a failure, not as garbage.
  const failure = failureSchema.safeParse(raw)
  if (failure.success) throw new CallError(failure.data.code, failure.data.message)
  const code = (raw as { code?: unknown } | undefined)?.code
  if ((raw as { ok?: unknown } | undefined)?.ok === false && typeof code === 'string') {
    throw new CallError(code as never, String((raw as { message?: unknown }).message ?? ''))
  }
  throw new CallError('BAD_RESPONSE', `${contract.name}: ${envelope.error.message.slice(0, 300)}`)
}
