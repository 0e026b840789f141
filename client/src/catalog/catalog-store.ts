import Taro from '@tarojs/taro'
import { catalogContract, type ResponseOf } from '@pingan/shared/contracts'

// The county's catalog (report categories, bookable services) as the `catalog` call last answered it,
// kept in storage so that a slow or lost network still shows the report form, and so that names of
// codes can be told without a call. Checked with the contract when read: a copy an older build saved,
// or a damaged one, counts as none.

export type Catalog = ResponseOf<typeof catalogContract>
export type CategoryView = Catalog['categories'][number]

export const CATALOG_STORAGE_KEY = 'catalog'

let inMemory: Catalog | undefined

/** The catalog saved on this device, if any. */
export function savedCatalog(): Catalog | undefined {
  if (inMemory) return inMemory
  const parsed = catalogContract.response.safeParse(Taro.getStorageSync(CATALOG_STORAGE_KEY))
  inMemory = parsed.success ? parsed.data : undefined
  return inMemory
}

/** Keeps a fresh answer of the catalog call for next time. */
export function saveCatalog(catalog: Catalog): void {
  inMemory = catalog
  Taro.setStorageSync(CATALOG_STORAGE_KEY, catalog)
}

/** Forgets the in-memory copy, so the next read goes to storage (tests; signing in as someone else). */
export function forgetCatalogInMemory(): void {
  inMemory = undefined
}
