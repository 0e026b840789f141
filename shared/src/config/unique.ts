/** Whether a list has no repeated values. */
export function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
