/**
 * The lists of 兼职信息员 applications that contracts and the client need, with no imports (the contracts
 * bundle stays small): an application's statuses and the kinds of the messages its applicant is sent.
 */
export const INFORMANT_APPLICATION_STATUSES = ['pending', 'approved', 'refused', 'removed'] as const;
export type InformantApplicationStatus = (typeof INFORMANT_APPLICATION_STATUSES)[number];

/** The kinds of the messages an applicant is sent when the grid's staff decide (informant-messages.ts). */
export const INFORMANT_MESSAGE_KINDS = ['informantApproved', 'informantRefused', 'informantRemoved'] as const;
export type InformantMessageKind = (typeof INFORMANT_MESSAGE_KINDS)[number];

/** The most characters of an applicant's own words (why, and what they can see). */
export const INFORMANT_MOTIVE_MAX = 200;
