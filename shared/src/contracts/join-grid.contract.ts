import * as z from 'zod/mini';
import { gridCodeSchema } from './common.schema';
import { contract } from './contract';
import { gridCardSchema } from './me.contract';

/**
 * `joinGrid` (扫码入格): by the grid code, or by the raw `scene` of the scanned mini-program code (decoded
 * on the server with `gridCodeFromScene`). A later scan replaces the joined grid; every scan is kept.
 */
export const joinGridContract = contract(
  'joinGrid',
  z.union([z.object({ gridCode: gridCodeSchema }), z.object({ scene: z.string().check(z.minLength(1), z.maxLength(128)) })]),
  z.object({ grid: gridCardSchema }),
);
