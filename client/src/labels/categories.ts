import categoriesFile from '../../../data/demo-county/categories.json'

// The county's report categories (data/demo-county/categories.json, the same file seeding reads): the
// form offers them and lists name them. No call serves them yet; when one does (see client/README.md),
// this module is the one place to switch.

export type CategoryOption = { code: string; name: string; group: string }

/** Every category a resident may choose, in the county's order. */
export const CATEGORIES: readonly CategoryOption[] = categoriesFile.categories.map(({ code, name, group }) => ({ code, name, group }))

const names = new Map(CATEGORIES.map((category) => [category.code, category.name]))

/** The category's Chinese name, or its code when this build does not know it. */
export function categoryName(code: string): string {
  return names.get(code) ?? code
}
