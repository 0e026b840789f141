import {
  isOutsideCounty,
  routeReport,
  ownerNamesIn,
  type GridLocator,
  type RouteRequest,
  type RouteResult,
  type OwnerNames,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { databaseLocator } from './grid-candidates.repository';
import { storageIndexLocator } from './grid-index.repository';
import type { RoutingSettings } from '../catalog/settings.repository';

/** Where a report goes, and its owner's names as the places routed over know them. */
export type RoutedReport = { readonly route: RouteResult; readonly owner: OwnerNames };

/**
 * Routes a report (分流) with the pure router, over the polygons where the settings say to find them; a
 * location outside the county is refused (LOCATION.OUTSIDE_COUNTY) rather than sent to the joined grid.
 * Should the index in storage be unreadable, the report is routed by the database instead and the
 * failure logged: a resident's report is not to be lost to a deployment mistake.
 */
export async function routeNewReport(request: RouteRequest, settings: RoutingSettings): Promise<RoutedReport> {
  const locator = await locatorFor(request, settings);
  if (request.location && isOutsideCounty(locator, request.location, { maxGapM: settings.maxGapM })) {
    throw new AppError('LOCATION.OUTSIDE_COUNTY', '位置不在本县范围内。请重新选择位置，或不带位置提交；本县以外的事项请拨打 12345 热线。');
  }
  const route = routeReport(locator, request, { maxGapM: settings.maxGapM });
  return { route, owner: ownerNamesIn(locator.tree, route.ownerCode) };
}

async function locatorFor(request: RouteRequest, settings: RoutingSettings): Promise<GridLocator> {
  if (settings.source === 'databaseGeo') return databaseLocator(request, settings.maxGapM);
  try {
    return await storageIndexLocator(settings);
  } catch (error) {
    console.error('[routing] the grid index in storage could not be loaded; routing by the database', error);
    return databaseLocator(request, settings.maxGapM);
  }
}
