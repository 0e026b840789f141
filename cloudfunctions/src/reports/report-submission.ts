import type { OwnerNames, ResponseOf, submitReportContract } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { ReportDoc } from './report-document';
import { summaryOf } from './report-views';

type Submitted = ResponseOf<typeof submitReportContract>;

/** What submitReport answers for a stored report: the report, where it went (by code and name) and why. */
export function submittedOf(doc: ReportDoc, now: number, replayed: boolean, owner: OwnerNames): Submitted {
  return {
    report: summaryOf(doc, now),
    route: {
      reason: doc.routeReason,
      ownerCode: doc.ownerCode,
      ownerLevel: doc.ownerLevel,
      ...owner,
      ...(doc.microGridCode !== undefined && { microGridCode: doc.microGridCode }),
      ...(doc.routeDistanceM !== undefined && { distanceM: doc.routeDistanceM }),
      departments: [...doc.departments],
    },
    replayed,
  };
}

/**
 * A retried submit gets the report its key already made, with the owner's names stored beside it; the
 * same key with other content is refused.
 */
export function replayOf(existing: ReportDoc, requestHash: string, now: number): Submitted {
  if (existing.requestHash !== requestHash) {
    throw new AppError('REPORT.IDEMPOTENCY_CONFLICT', '这个草稿已经提交过不同的内容');
  }
  const { ownerName, communityName } = existing;
  return submittedOf(existing, now, true, {
    ...(ownerName !== undefined && { ownerName }),
    ...(communityName !== undefined && { communityName }),
  });
}
