import { catalogContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import { saveCatalog, savedCatalog, type Catalog } from '../catalog/catalog-store'
import { call } from '../transport'
import { useCall } from './use-call'

/**
 * The county's catalog: the copy saved on this device at once (if any), then the server's answer,
 * which replaces and is saved for next time. `fresh` says the server answered during this visit.
 */
export function useCatalog() {
  const [saved] = useState<Catalog | undefined>(savedCatalog)
  const state = useCall(async () => {
    const catalog = await call(catalogContract, {})
    saveCatalog(catalog)
    return catalog
  })
  return { ...state, data: state.data ?? saved, fresh: state.data !== undefined }
}
