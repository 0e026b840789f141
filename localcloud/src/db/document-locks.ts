/**
 * Per-document locks for transactions under the 'queue' conflict policy (kinder than the cloud, which
 * reports conflicts instead). The first transaction to touch a document holds it until it ends; another
 * transaction touching it waits its turn (FIFO), so transactions that read-modify-write the same document
 * run one after the other instead of failing. A wait that would deadlock, or lasts longer than `waitMs`,
 * is refused: the caller then goes on without the lock and its commit reports a conflict.
 */

export interface LockOwner {
  /** Keys this owner holds. */
  readonly held: Set<string>;
  /** Keys this owner is waiting for. */
  readonly waitingOn: Set<string>;
}

interface Waiter {
  owner: LockOwner;
  grant(granted: boolean): void;
}

interface Lock {
  owner: LockOwner;
  queue: Waiter[];
}

export class DocumentLocks {
  private readonly locks = new Map<string, Lock>();

  constructor(private readonly waitMs: number) {}

  /** Resolves true once `owner` holds `key`; false if waiting would deadlock or timed out. */
  acquire(owner: LockOwner, key: string): Promise<boolean> {
    const lock = this.locks.get(key);
    if (!lock) {
      this.locks.set(key, { owner, queue: [] });
      owner.held.add(key);
      return Promise.resolve(true);
    }
    if (lock.owner === owner) return Promise.resolve(true);
    if (this.wouldDeadlock(owner, lock.owner)) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.dropWaiter(key, owner);
        resolve(false);
      }, this.waitMs);
      lock.queue.push({
        owner,
        grant(granted) {
          clearTimeout(timer);
          owner.waitingOn.delete(key);
          resolve(granted);
        },
      });
      owner.waitingOn.add(key);
    });
  }

  /** Releases everything `owner` holds (handing each lock to its next waiter) and ends its waits. */
  releaseAll(owner: LockOwner): void {
    for (const key of owner.held) this.handOver(key);
    owner.held.clear();
    for (const key of [...owner.waitingOn]) {
      const waiter = this.dropWaiter(key, owner);
      waiter?.grant(false);
    }
  }

  private handOver(key: string): void {
    const lock = this.locks.get(key);
    if (!lock) return;
    const next = lock.queue.shift();
    if (!next) {
      this.locks.delete(key);
      return;
    }
    lock.owner = next.owner;
    next.owner.held.add(key);
    next.grant(true);
  }

  private dropWaiter(key: string, owner: LockOwner): Waiter | undefined {
    owner.waitingOn.delete(key);
    const queue = this.locks.get(key)?.queue;
    const at = queue?.findIndex((w) => w.owner === owner) ?? -1;
    return at >= 0 ? queue?.splice(at, 1)[0] : undefined;
  }

  /** True if `holder` waits, directly or through others, for something `requester` holds. */
  private wouldDeadlock(requester: LockOwner, holder: LockOwner): boolean {
    const seen = new Set<LockOwner>();
    const stack = [holder];
    while (stack.length > 0) {
      const current = stack.pop() as LockOwner;
      if (current === requester) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const key of current.waitingOn) {
        const owner = this.locks.get(key)?.owner;
        if (owner) stack.push(owner);
      }
    }
    return false;
  }
}
