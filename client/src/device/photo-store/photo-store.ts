/** Where picked photos wait on this device until they are uploaded (one implementation per platform). */
export interface PhotoStore {
  /** Copies a picked photo (temp path or blob URL) into the store; resolves with its key there. */
  keep(localPath: string): Promise<string>
  /** Something an <Image> and an upload can read for a kept photo, or undefined once it is gone. */
  source(key: string): Promise<string | undefined>
  /** Throws the kept photo away (uploaded, removed from the draft, or the draft thrown away). */
  forget(key: string): Promise<void>
}

/** A name no other kept photo has: the time and some randomness in base 36. */
export function keptName(now: number, random: () => number = Math.random): string {
  const noise = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')
  return `${now.toString(36)}-${noise}`
}
