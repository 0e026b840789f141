/**
 * The lists of 一键求助 that contracts and the client need, with no imports (the contracts bundle stays
 * small): a call's statuses and steps, the 求助资料 tags, and the kinds of its messages.
 */
export const HELP_STATUSES = ['raised', 'acknowledged', 'closed', 'cancelled'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

export const HELP_EVENT_TYPES = ['raised', 'escalated', 'acknowledged', 'closed', 'cancelled'] as const;
export type HelpEventType = (typeof HELP_EVENT_TYPES)[number];

/** What a resident may choose to share with whoever answers their call (求助资料), by tag. */
export const HELP_PROFILE_TAGS = ['高龄', '独居', '行动不便', '慢性病', '听力不好', '视力不好', '使用轮椅', '有认知障碍'] as const;
export type HelpProfileTag = (typeof HELP_PROFILE_TAGS)[number];

/** The most characters of a profile's own words. */
export const HELP_PROFILE_NOTE_MAX = 60;

/** The kinds of a help call's messages (help-messages.ts). */
export const HELP_MESSAGE_KINDS = ['helpRaised', 'helpEscalated', 'helpAcknowledged', 'helpClosed', 'helpCancelled'] as const;
export type HelpMessageKind = (typeof HELP_MESSAGE_KINDS)[number];
