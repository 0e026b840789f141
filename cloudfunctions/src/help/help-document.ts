import type { GridCard, HelpCall, HelpCallView, HelpEvent } from '@pingan/shared';

/**
 * A help call as the `helpCalls` collection keeps it: the domain's call (shared/src/help/help-call.ts) under
 * `_id`, with the requester's openid (for their own list, never shown), the place's name and its published
 * staff as they were when it was raised, the version every change is conditional on, and the owed-messages
 * mark (notifyFrom, notifyDueAt) its change's own write leaves until delivery.
 */
export type HelpCallDoc = Omit<HelpCall, 'id'> & {
  readonly _id: string;
  readonly version: number;
  readonly requesterOpenid: string;
  readonly idempotencyKey: string;
  readonly placeName: string;
  readonly contacts: GridCard['staff'];
  readonly notifyFrom?: number;
  readonly notifyDueAt?: number;
};

/** The domain's call of a stored one. */
export function helpCallOf(doc: HelpCallDoc): HelpCall {
  const {
    _id,
    version: _v,
    requesterOpenid: _o,
    idempotencyKey: _k,
    placeName: _p,
    contacts: _c,
    notifyFrom: _f,
    notifyDueAt: _d,
    ...call
  } = doc;
  return { ...call, id: _id };
}

/** A stored call after a change: the domain's fields replaced, the rest kept. */
export function withHelpCall(doc: HelpCallDoc, call: HelpCall): HelpCallDoc {
  const { id: _id, ...fields } = call;
  const { ackDueAt: _a, responder: _r, ...kept } = doc;
  return { ...kept, ...fields, version: doc.version + 1 };
}

/** The call as its requester or one who answers it reads it (help.contract.ts), the openid never among it. */
export function helpCallViewOf(doc: HelpCallDoc, viewerIs: HelpCallView['viewerIs']): HelpCallView {
  return {
    id: doc._id,
    status: doc.status,
    raisedAt: doc.raisedAt,
    requesterName: doc.requesterName,
    ...(doc.profile && { profile: { ...doc.profile, tags: [...doc.profile.tags] } }),
    ...(doc.location && { location: [doc.location[0], doc.location[1]] as [number, number] }),
    ...(doc.address !== undefined && { address: doc.address }),
    placeName: doc.placeName,
    level: doc.level,
    ...(doc.ackDueAt !== undefined && { ackDueAt: doc.ackDueAt }),
    ...(doc.responder && {
      responder: {
        name: doc.responder.name,
        role: doc.responder.role,
        ...(doc.responder.phone !== undefined && { phone: doc.responder.phone }),
      },
    }),
    contacts: doc.contacts.map((contact) => ({ ...contact })),
    steps: doc.events.map(stepOf),
    viewerIs,
  };
}

function stepOf(event: HelpEvent): HelpCallView['steps'][number] {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    level: event.level,
    ...(event.actorName !== undefined && event.type !== 'raised' && { actorName: event.actorName }),
    ...(event.actorRole !== undefined && { actorRole: event.actorRole }),
    ...(event.note !== undefined && { note: event.note }),
  };
}
