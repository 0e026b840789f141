import type { GridService, Service } from '@pingan/shared';
import { db, oneOf } from '../platform/sdk';

const GRID_SERVICES = 'gridServices';

type GridServicesDoc = {
  readonly _id: string;
  readonly services: readonly GridService[];
  readonly updatedBy: string;
  readonly updatedAt: number;
};

/** A grid's catalogue: its own where its staff set one, else every county service at its default slots. */
export type GridCatalogueRead = { readonly custom: boolean; readonly services: readonly GridService[] };

/** The grid's catalogue (one read by `_id`), against the county's services (read by the caller, cached). */
export async function gridCatalogue(gridCode: string, county: readonly Service[]): Promise<GridCatalogueRead> {
  const own = await oneOf<GridServicesDoc>(db().collection(GRID_SERVICES).doc(gridCode).get());
  if (own) return { custom: true, services: own.services };
  return { custom: false, services: county.map((service) => ({ serviceCode: service.code, slots: [...(service.defaultSlots ?? [])] })) };
}

/** Sets a grid's catalogue whole (one write). */
export async function saveGridCatalogue(gridCode: string, services: readonly GridService[], by: string, now: number): Promise<void> {
  await db()
    .collection(GRID_SERVICES)
    .doc(gridCode)
    .set({ data: { services, updatedBy: by, updatedAt: now } });
}
