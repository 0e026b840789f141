import { CloudError } from '../server/module';

/**
 * The database errors CloudBase answers with. The codes are the strings wx-server-sdk maps to numeric
 * errCodes (its TCB_ERR_CODE table: DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_REQUEST_FAILED →
 * -502001, INVALID_PARAM → -501007; anything else → -501001), and the messages follow what the real
 * service says, so code that matches on either keeps working.
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

/** The one code on which the SDK's runTransaction retries the whole transaction. */
export function transactionConflict(message: string): CloudError {
  return new CloudError('DATABASE_TRANSACTION_CONFLICT', `[TransactionConflict] ${message}`);
}

export function transactionNotActive(transactionId: string): CloudError {
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[TransactionNotFound] transaction ${transactionId} does not exist, has ended or has expired`,
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
