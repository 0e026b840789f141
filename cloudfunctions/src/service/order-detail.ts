import {
  hasRole,
  isGridCaseStaff,
  type Actor,
  type OrderDetail,
  type OrderEvent,
  type OrderStep,
  type PhotoUrls,
  type ServiceOrder,
} from '@pingan/shared';
import { isOwnUpload } from '../files/upload-slots';
import type { PersonName } from '../users/users.repository';
import { orderViewOf, type OrderDoc } from './order-document';

/** An event as stored: completion's keeps its uploader's openid and upload key, for the server alone. */
type StoredEvent = OrderEvent & { readonly actorOpenid?: string; readonly uploadKey?: string };

/**
 * The completion photos that lie where their uploader put them: each step's photos inside its actor's
 * 'completion' slot for the key the step keeps, so a record written any other way cannot hand out
 * someone else's file.
 */
export function ownCompletionPhotos(doc: OrderDoc): string[] {
  return (doc.events as readonly StoredEvent[]).flatMap(({ photos = [], actorOpenid, uploadKey }) =>
    actorOpenid === undefined || uploadKey === undefined
      ? []
      : photos.filter((fileId) => isOwnUpload(actorOpenid, 'completion', uploadKey, fileId)),
  );
}

/** The order in full as the viewer reads it: its steps by name, who holds it, its rating and credit, the viewer's part. */
export function orderDetailOf(
  order: ServiceOrder,
  viewer: Actor,
  people: readonly PersonName[],
  photoUrls: PhotoUrls | undefined,
): OrderDetail {
  const nameOf = new Map(people.map((person) => [person._id, person.name]));
  const claimantName = order.claimant && nameOf.get(order.claimant.personId);
  return {
    ...orderViewOf(order),
    steps: order.events.map((event) => stepOf(event, nameOf.get(event.actorId))),
    ...(order.claimant && claimantName !== undefined && { claimant: { name: claimantName, as: order.claimant.as } }),
    ...(order.rating && { rating: { ...order.rating } }),
    ...(order.credit && { credit: { minutes: order.credit.minutes, points: order.credit.points } }),
    viewerIs: partsOf(viewer, order),
    ...(photoUrls && { photoUrls }),
  };
}

function stepOf(event: OrderEvent, actorName: string | undefined): OrderStep {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    status: event.status,
    ...(actorName !== undefined && { actorName }),
    ...(event.note !== undefined && { note: event.note }),
    ...(event.photos !== undefined && { photos: [...event.photos] }),
    ...(event.decision !== undefined && { decision: event.decision }),
    ...(event.rating && { satisfaction: event.rating.satisfaction }),
    ...(event.rating?.comment !== undefined && { comment: event.rating.comment }),
    ...(event.credit && { credit: { minutes: event.credit.minutes, points: event.credit.points } }),
  };
}

function partsOf(viewer: Actor, order: ServiceOrder): OrderDetail['viewerIs'] {
  return [
    ...(viewer.id === order.requesterId ? (['requester'] as const) : []),
    ...(viewer.id === order.claimant?.personId ? (['claimant'] as const) : []),
    ...(isGridCaseStaff(viewer, order.gridCode) ? (['gridStaff'] as const) : []),
    ...(hasRole(viewer, 'volunteer') && viewer.gridCodes.includes(order.gridCode) ? (['gridVolunteer'] as const) : []),
  ];
}
