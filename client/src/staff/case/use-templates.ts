import { responseTemplatesContract, type ResponseTemplateAction, type ReportDetail } from '@pingan/shared/contracts'

import { useCall } from '../../hooks/use-call'
import { call } from '../../transport'

/** Templates are asked once per grid while the app runs: they change rarely (a 网格长 edits them). */
const cache = new Map<string, Promise<Map<string, string[]>>>()

function templatesOf(gridCode: string): Promise<Map<string, string[]>> {
  let pending = cache.get(gridCode)
  if (!pending) {
    pending = call(responseTemplatesContract, { gridCode }).then(({ templates }) => new Map(templates.map((t) => [t.action, t.texts])))
    // A failed ask is not kept: the next case page asks again.
    pending.catch(() => cache.delete(gridCode))
    cache.set(gridCode, pending)
  }
  return pending
}

/**
 * The 常用语 of each move for the case's grid (the grid's own, else the county's defaults). Cases owned
 * above the grid have none; a failed ask leaves the note fields without phrases, never the page broken.
 */
export function useTemplates(report: Pick<ReportDetail, 'ownerCode' | 'ownerLevel'> | undefined) {
  const gridCode = report?.ownerLevel === 'grid' ? report.ownerCode : undefined
  const loaded = useCall(async () => (gridCode ? templatesOf(gridCode) : new Map<string, string[]>()), [gridCode])
  return (action: ResponseTemplateAction): string[] => loaded.data?.get(action) ?? []
}

/** Forgets the kept templates (a 网格长 saved new ones; tests start clean). */
export function forgetTemplates(): void {
  cache.clear()
}
