import { catalogContract, type Actor } from '@pingan/shared';
import { listCategories } from '../../lib/categories.repository';
import { categoryViewOf, serviceViewOf } from '../../lib/catalog-views';
import { defineFunction } from '../../lib/define-function';
import { listServices } from '../../lib/services.repository';
import { actorOf } from '../../lib/user-document';
import { findUserByOpenid } from '../../lib/users.repository';

/**
 * `catalog`: the report categories and bookable services, from memory for a minute per warm instance,
 * with what a valid report of each category would earn the caller. Reading it makes nobody a user: a
 * caller without a record is offered what a resident is.
 */
export const main = defineFunction(catalogContract, async (_request, { caller, now }) => {
  const at = now.getTime();
  const [categories, services, user] = await Promise.all([listCategories(at), listServices(at), findUserByOpenid(caller.openid)]);
  const reporter: Actor = user ? actorOf(user) : { id: '', roles: ['resident'], gridCodes: [] };
  return { categories: categories.map((category) => categoryViewOf(category, reporter)), services: services.map(serviceViewOf) };
});
