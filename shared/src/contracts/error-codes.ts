/**
 * Every stable error code a cloud function may answer with, `AREA.REASON`. The client switches on these;
 * the message beside them is for logs and people. Add codes, never rename them.
 */
export const ERROR_CODES = [
  'INPUT.INVALID',
  'AUTH.FORBIDDEN',
  'CATEGORY.NOT_FOUND',
  'GRID.NOT_FOUND',
  'GRID.SCENE_INVALID',
  'CONTENT.RISKY',
  'REPORT.NOT_FOUND',
  'REPORT.IDEMPOTENCY_CONFLICT',
  'REPORT.INVALID_TRANSITION',
  'REPORT.FORBIDDEN',
  'REPORT.PROOF_REQUIRED',
  'REPORT.SELF_VERIFY',
  'REPORT.NOTE_REQUIRED',
  'REPORT.INVALID_RATING',
  'REPORT.CANNOT_REOPEN',
  'REPORT.INVALID_DUPLICATE',
  'REPORT.CANNOT_ESCALATE',
  'REPORT.NO_SUPERVISION',
  'REPORT.BUSY',
  'REPORT.INVALID_ASSIGNEE',
  'RATE.LIMITED',
  'LOCATION.OUTSIDE_COUNTY',
  'FILE.NOT_YOURS',
  'FILE.NOT_FOUND',
  'INTERNAL.ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
