/**
 * The writer half of the kill -9 test: through the real wx-server-sdk (pointed at the server by the
 * environment), adds documents in a loop from a few concurrent workers and prints `ack <id>` for each
 * write the server acknowledged. Stops when the server is gone.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');

const WORKERS = 4;
const GIVE_UP_AFTER_FAILURES = 3;

async function worker(db: ReturnType<typeof cloud.database>, name: string): Promise<void> {
  let failures = 0;
  for (let i = 0; failures < GIVE_UP_AFTER_FAILURES; i += 1) {
    const id = `${name}-${i}`;
    try {
      await db.collection('journal').add({ data: { _id: id, worker: name, i, at: db.serverDate() } });
      process.stdout.write(`ack ${id}\n`);
    } catch {
      failures += 1;
    }
  }
}

async function main(): Promise<void> {
  cloud.init({ env: process.env.SCF_NAMESPACE });
  const db = cloud.database();
  await db.createCollection('journal').catch(() => undefined);
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(db, `w${n}`)));
}

main().then(
  () => process.exit(0),
  () => process.exit(1),
);
