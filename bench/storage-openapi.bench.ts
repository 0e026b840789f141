/**
 * How long storage and the open-API stand-ins take through the real wx-server-sdk against a local cloud
 * (each write fsync'd). Run: `npx tsx bench/storage-openapi.bench.ts [--write-baseline]`. Prints the figures
 * against bench/baselines/storage-openapi.json and exits non-zero if a case is more than 3× slower; the first
 * call of each case, a single sample, is printed but does not decide.
 */
import { randomBytes } from 'node:crypto';
import { compareWithBaseline, type Figures } from './lib/baseline';
import { runBench, withBenchCloud } from './lib/bench-cloud';

async function timePerCall(label: string, runs: number, call: (i: number) => unknown): Promise<Figures> {
  const coldStarted = process.hrtime.bigint();
  await call(-1); // the first call loads lazily required code; shown apart
  const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) await call(i);
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  return {
    [label]: { value: ms, unit: 'ms/call', better: 'lower', note: `${runs} runs` },
    [`${label}, first call`]: { value: coldMs, unit: 'ms', better: 'lower', informational: true },
  };
}

async function main(): Promise<void> {
  await withBenchCloud({ poolSize: 1 }, async (bench) => {
    const sdk = bench.sdk();
    const openapi = sdk.openapi as unknown as Record<string, Record<string, (p: object) => Promise<unknown>>>;
    const photo = randomBytes(100 * 1024);
    const bigPhoto = randomBytes(2 * 1024 * 1024);
    const figures: Figures = {};
    const time = async (label: string, runs: number, call: (i: number) => unknown) =>
      Object.assign(figures, await timePerCall(label, runs, call));
    await time('uploadFile 100 KB', 50, (i) => sdk.uploadFile({ cloudPath: `b/p${i}.jpg`, fileContent: photo }));
    await time('uploadFile 2 MB', 20, (i) => sdk.uploadFile({ cloudPath: `b/big${i}.jpg`, fileContent: bigPhoto }));
    const fileID = (await sdk.uploadFile({ cloudPath: 'b/p.jpg', fileContent: photo })).fileID;
    await time('getTempFileURL, 1 file', 100, () => sdk.getTempFileURL({ fileList: [fileID] }));
    await time('getTempFileURL + fetch 100 KB', 50, async () => {
      const result = await sdk.getTempFileURL({ fileList: [fileID] });
      await (await fetch(result ? result.fileList[0]!.tempFileURL : '')).arrayBuffer();
    });
    await time('downloadFile 100 KB', 50, () => sdk.downloadFile({ fileID }));
    await time('deleteFile, 1 file', 50, (i) => sdk.deleteFile({ fileList: [fileID.replace('p.jpg', `p${i}.jpg`)] }));
    await time('openapi.security.msgSecCheck (200 chars)', 100, () =>
      openapi.security!.msgSecCheck!({ content: '楼道灯坏了'.repeat(40), version: 2, scene: 2, openid: 'o-1' }),
    );
    await time('openapi.wxacode.getUnlimited (430 px)', 20, (i) =>
      openapi.wxacode!.getUnlimited!({ scene: `r=${i}`, page: 'pages/index/index' }),
    );
    await time('openapi.subscribeMessage.send', 50, () =>
      openapi.subscribeMessage!.send!({ touser: 'o-1', templateId: 't', data: { thing1: { value: '已办结' } } }),
    );
    compareWithBaseline('storage-openapi', figures);
  });
}

runBench(main);
