import type { AppFeedbackView } from '@pingan/shared/contracts'

/** What each kind of 投诉建议 is called, on the form and in the lists. */
export const FEEDBACK_KIND_WORDS: Record<AppFeedbackView['kind'], string> = {
  complaint: '投诉',
  suggestion: '建议',
  usage: '使用问题',
}

export const FEEDBACK_STATUS_WORDS: Record<AppFeedbackView['status'], string> = {
  open: '等待回复',
  answered: '已回复',
}
