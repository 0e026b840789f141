import { upcomingSlots, slotCounterId, type GridService, type GridServiceOffer, type Service } from '@pingan/shared';
import { bookedPlaces } from './service-slots.repository';

/**
 * What a grid offers to book this week: each of its services the county still has, with its weekly slots
 * and each occurrence ahead with the places left (one read of the occurrences' counters by `_id`).
 */
export async function offersOf(
  gridCode: string,
  catalogue: readonly GridService[],
  county: readonly Service[],
  now: number,
): Promise<GridServiceOffer[]> {
  const byCode = new Map(county.map((service) => [service.code, service]));
  const offered = catalogue.flatMap((entry) => {
    const service = byCode.get(entry.serviceCode);
    return service ? [{ entry, service, upcoming: upcomingSlots(entry, now) }] : [];
  });
  const ids = offered.flatMap(({ entry, upcoming }) => upcoming.map((slot) => slotCounterId(gridCode, entry.serviceCode, slot.key)));
  const booked = await bookedPlaces(ids);
  return offered.map(({ entry, service, upcoming }) => ({
    serviceCode: service.code,
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    slots: entry.slots.map((slot) => ({ ...slot })),
    upcoming: upcoming.map((slot) => ({
      key: slot.key,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      startsAt: slot.startsAt,
      capacity: slot.capacity,
      left: Math.max(0, slot.capacity - (booked.get(slotCounterId(gridCode, entry.serviceCode, slot.key)) ?? 0)),
    })),
  }));
}
