import type { Service } from '@pingan/shared';
import { readAll } from '../platform/sdk';
import { ttlCache } from '../platform/ttl-cache';

/** How long a warm instance answers the service catalogue from memory before reading it again. */
const SERVICES_TTL_MS = 60_000;

/** A bookable service as stored: the config's service under its code, with its place in the catalogue. */
type ServiceDoc = Service & { readonly _id: string; readonly order: number };

const allServices = ttlCache(SERVICES_TTL_MS, () => readAll<ServiceDoc>('services', 'order'));

/** Every bookable service (居民点单) in the catalogue's order, read at most once a minute per instance. */
export function listServices(now: number): Promise<readonly Service[]> {
  return allServices.get(now);
}
