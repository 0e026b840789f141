import { indexLocator, parseGridIndex, type GridLocator } from '@pingan/shared';
import { downloadFile } from '../platform/sdk';
import type { RoutingSettings } from '../catalog/settings.repository';

/**
 * The grid index a function instance routes with: downloaded from storage and parsed once (the cold
 * start pays one download of ~30 KB for the demo county, ~800 KB for 1,500 grids), then kept while the
 * settings name the same version. A re-seed that changes the polygons writes a new version, and the
 * next call of every warm instance reloads.
 */
let loaded: { readonly version: string; readonly locator: GridLocator } | undefined;

export async function storageIndexLocator(settings: RoutingSettings): Promise<GridLocator> {
  if (loaded?.version === settings.indexVersion) return loaded.locator;
  const fileContent = await downloadFile(settings.indexFileID);
  const locator = indexLocator(parseGridIndex(fileContent.toString('utf8')));
  loaded = { version: settings.indexVersion, locator };
  return locator;
}

/** Drops the loaded index, so the next call loads it as a cold instance would (benchmarks). */
export function forgetLoadedIndex(): void {
  loaded = undefined;
}
