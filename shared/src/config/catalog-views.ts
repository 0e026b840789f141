import type { CategoryView, ServiceView } from '../contracts/catalog.contract';
import type { Actor } from '../people/actor';
import { rewardOnOffer } from '../points/report-award';
import type { Category } from './category.schema';
import type { Service } from './service.schema';

/** A category as the report form offers it to this caller, with what a valid report would earn them. */
export function categoryViewOf(category: Category, caller: Actor): CategoryView {
  const { code, name, group, acceptLimitHours, handleLimitHours, clock, visibleToOtherResidents } = category;
  const reward = rewardOnOffer(caller, category);
  return {
    code,
    name,
    group,
    acceptLimitHours,
    handleLimitHours,
    ...(clock && { clock }),
    visibleToOtherResidents,
    reward: reward && { ...reward },
  };
}

/**
 * The skills the county's services name, in the order they first appear: what a volunteer may name at
 * 网格报到 and a task may ask for (registerVolunteer and postTask refuse any other).
 */
export function skillsOfServices(services: readonly Pick<Service, 'skills'>[]): string[] {
  return [...new Set(services.flatMap((service) => service.skills))];
}

/** A service as residents see it (the skills and service points are the volunteers' business). */
export function serviceViewOf(service: Service): ServiceView {
  const { code, name, description, durationMinutes, forGroups } = service;
  return { code, name, description, durationMinutes, forGroups: [...forGroups] };
}
