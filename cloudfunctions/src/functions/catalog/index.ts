import { catalogContract, categoryViewOf, serviceViewOf, skillsOfServices, type Actor } from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { defineFunction } from '../../platform/define-function';
import { listServices } from '../../catalog/services.repository';
import { subscribeTemplateIds } from '../../notifications/subscribe-templates.repository';
import { findCaller } from '../../users/caller';

/**
 * `catalog`: the report categories, bookable services and the skills they name, from memory for a minute per warm instance,
 * with what a valid report of each category would earn the caller, and the subscribe-message template
 * of each kind of message (the client asks consent for them). Reading it makes nobody a user: a caller
 * without a record is offered what a resident is.
 */
export const main = defineFunction(catalogContract, async (_request, { caller, now }) => {
  const at = now.getTime();
  const [categories, services, me, subscribeTemplates] = await Promise.all([
    listCategories(at),
    listServices(at),
    findCaller(caller),
    subscribeTemplateIds(at),
  ]);
  const reporter: Actor = me?.actor ?? { id: '', roles: ['resident'], gridCodes: [] };
  return {
    categories: categories.map((category) => categoryViewOf(category, reporter)),
    services: services.map(serviceViewOf),
    skills: skillsOfServices(services),
    subscribeTemplates,
  };
});
