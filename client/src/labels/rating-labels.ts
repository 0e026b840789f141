import { REOPEN_MAX_SATISFACTION } from '@pingan/shared/report'

/** The stars a resident can give (评价), 1 to 5. */
export const SATISFACTION_STARS = [1, 2, 3, 4, 5] as const

/**
 * A rating in the three words residents are asked in (满意 / 基本满意 / 不满意). 不满意 is the domain's
 * own line (the ratings that may ask to reopen), so the words and the 申请重新办理 offer never disagree.
 */
export function satisfactionWord(satisfaction: number): string {
  if (satisfaction <= REOPEN_MAX_SATISFACTION) return '不满意'
  return satisfaction === REOPEN_MAX_SATISFACTION + 1 ? '基本满意' : '满意'
}

/** Stars as text (★★★☆☆), for a rating already given. */
export function starsText(satisfaction: number): string {
  return '★'.repeat(satisfaction) + '☆'.repeat(SATISFACTION_STARS.length - satisfaction)
}

/** What the stars mean, grouped by word: 1–2 星不满意，3 星基本满意，4–5 星满意. */
export function satisfactionLegend(): string {
  const groups: { from: number; to: number; word: string }[] = []
  for (const star of SATISFACTION_STARS) {
    const last = groups[groups.length - 1]
    if (last && last.word === satisfactionWord(star)) last.to = star
    else groups.push({ from: star, to: star, word: satisfactionWord(star) })
  }
  return groups.map(({ from, to, word }) => `${from === to ? from : `${from}–${to}`} 星${word}`).join('，')
}
