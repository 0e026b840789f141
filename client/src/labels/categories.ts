import { savedCatalog } from '../catalog/catalog-store'

// Names of report categories for codes the server did not name (lists and details carry `categoryName`,
// so this is a fallback): from the catalog this device last loaded (`catalog` call), else the code.

/** The category's Chinese name, or its code when this device does not know it. */
export function categoryName(code: string): string {
  return savedCatalog()?.categories.find((category) => category.code === code)?.name ?? code
}
