import { CloudError } from '../server/module';

/**
 * The database errors CloudBase answers with. The codes are the strings wx-server-sdk maps to numeric
 * errCodes (its TCB_ERR_CODE table: DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_REQUEST_FAILED →
 * -502001, INVALID_PARAM → -501007; anything else, the transaction codes included, → -501001), and the
 * messages follow what the real service says, so code that matches on either keeps working.
 *
 * wx-server-sdk sets errCode on errors of document operations only: an error answered to
 * commitTransaction reaches the caller as the SDK's TcbError with `code` and `message` and no errCode
 * (its Transaction.commit returns the request's promise inside its try without awaiting it, so its
 * conversion never runs) — on the real cloud as here.
 */

export function collectionNotExist(collection: string): CloudError {
  return new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${collection}. Please check your request, but if the problem persists, contact us.`,
  );
}

export function collectionAlreadyExists(collection: string): CloudError {
  return new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist: ${collection}.`);
}

export type WriteKind = 'Insert' | 'Update';

/** A unique index (or `_id`) refused a write: MongoDB's E11000, as CloudBase relays it. */
export function duplicateKey(kind: WriteKind, collection: string, index: string, key: Record<string, unknown>): CloudError {
  const shown = Object.entries(key)
    .map(([field, value]) => `${field}: ${JSON.stringify(value ?? null)}`)
    .join(', ');
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation.${kind}] E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`,
  );
}

export function invalidParam(message: string): CloudError {
  return new CloudError('INVALID_PARAM', message);
}

/**
 * A write conflict, worded as the real service words it (TencentCloudBase/node-sdk's transaction tests).
 * The SDK's runTransaction retries on this code only when it still sees it: at commit. At a document
 * operation wx-server-sdk turns it into errCode -501001 and the code is gone, so nothing retries for you.
 */
export function transactionConflict(): CloudError {
  return new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );
}

/** A transaction that was committed, aborted (by a conflict or an error in it) or expired (30 s). */
export function transactionNotActive(): CloudError {
  return new CloudError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );
}

export function onlyDocumentOperationsInTransaction(): CloudError {
  return invalidParam(
    '[InvalidParameter] a transaction accepts only single-document operations (doc().get/set/update/remove and add); where() is not allowed inside a transaction',
  );
}

export function badRequest(message: string): CloudError {
  return new CloudError('DATABASE_REQUEST_FAILED', `[InvalidParameter] ${message}`);
}

/**
 * MongoDB refused a write (a type mismatch of an update operator, a document over 16 MB …): its own
 * message, relayed as a request failure (errCode -502001) the way a duplicate key is.
 */
export function writeRefused(kind: WriteKind, mongoMessage: string): CloudError {
  return new CloudError('DATABASE_REQUEST_FAILED', `[FailedOperation.${kind}] ${mongoMessage}`);
}
