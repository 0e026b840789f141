import { bookServiceContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { bookService } from '../../service/order-booking';
import { orderViewOf } from '../../service/order-document';

/** `bookService` (居民点单): see service/order-booking.ts. */
export const main = defineFunction(bookServiceContract, async (request, { caller, now }) => {
  const { order, replayed } = await bookService(request, caller, now.getTime());
  return { order: orderViewOf(order), replayed };
});
