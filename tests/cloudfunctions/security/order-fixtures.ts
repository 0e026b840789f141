import { draftKey, type FunctionsCloud } from '../helpers/functions-cloud';

type Offers = { services: Array<{ serviceCode: string; upcoming: Array<{ key: string; left: number }> }> };

/**
 * A booked service order of this resident in their joined grid (居民点单), in the first slot ahead with a
 * place left, made through the real bookService.
 */
export async function bookedOrder(cloud: FunctionsCloud, openid: string): Promise<string> {
  const { services } = await cloud.data<Offers>('gridServices', {}, openid);
  for (const service of services) {
    const slot = service.upcoming.find((occurrence) => occurrence.left > 0);
    if (!slot) continue;
    const event = { idempotencyKey: draftKey(), serviceCode: service.serviceCode, slotKey: slot.key, address: '安全测试的地址' };
    const { order } = await cloud.data<{ order: { id: string } }>('bookService', event, openid);
    return order.id;
  }
  throw new Error(`no place left to book for ${openid}`);
}

/** A booked order in the grid by a newcomer who scanned into it (so no caller of the matrix is its requester). */
export async function orderIn(cloud: FunctionsCloud, gridCode: string, newcomer: string): Promise<string> {
  await cloud.data('joinGrid', { gridCode }, newcomer);
  return bookedOrder(cloud, newcomer);
}
