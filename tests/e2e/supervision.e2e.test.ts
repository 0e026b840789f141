/**
 * 上报上级, 下派, 督办 and 回复督办 on the staff case page (issue 10), in a browser. 张秀兰 reports 环境卫生 in
 * grid -03; 赵丽 accepts it and escalates it (through the functions); 魏俊 (城关社区 centre) opens it and hands
 * it down to grid -09 with a reason. On a second case 魏俊 leaves a 督办, which 赵丽 answers on her case page.
 * Phone shots at 375×812: artifacts/supervision-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const RESIDENT = demoOpenid('张秀兰');
const WORKER = demoOpenid('赵丽');
const CENTRE = demoOpenid('魏俊');

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^supervision-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'supervision');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer = { ok: boolean; data?: { report?: { id: string } }; code?: string };

async function invoke(name: string, event: object, openid: string): Promise<Answer> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer;
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer;
}

/** A report of 张秀兰's in grid -03, accepted by 赵丽. */
async function acceptedCase(text: string): Promise<string> {
  const event = { categoryCode: 'HJWS', text, photos: [], location: PLACE, anonymous: false, idempotencyKey: `e2e-sup-${Date.now()}` };
  const id = (await invoke('submitReport', event, RESIDENT)).data!.report!.id;
  await invoke('acceptReport', { reportId: id }, WORKER);
  return id;
}

const openCase = (id: string) => app.open(`staff/pages/case/index?id=${id}`);
// The case's moves by the transition table; 撤销奖励 (reverseAward), offered beside them to a supervisor once the
// award paid, is the ledger's and has its own test (informant-statement.e2e.test.ts).
const movesOffered = async () =>
  ((await app.find('#case-actions').getAttribute('data-moves')) ?? '')
    .split(' ')
    .filter((move) => move !== 'reverseAward')
    .join(' ');

it('hands an escalated case down to a grid the centre picks, with a reason', async () => {
  const id = await acceptedCase('小区东门垃圾桶满了没人清');
  await invoke('escalateReport', { reportId: id, reason: '涉及物业，需社区协调' }, WORKER);
  await app.signInAs(CENTRE);
  await openCase(id);
  await app.find('#start-handBack').waitFor();
  // The centre owns it now: it may dispatch it itself, take it up again, or hand it down.
  expect(await movesOffered()).toBe('assign escalate handBack');
  await app.shot('case-escalated');
  await app.tap('#start-handBack');
  await app.tap('#grid-410399001001-09');
  await app.find('#handBack-note textarea').fill('属第9网格责任区，请网格办理');
  await app.shot('hand-back-form');
  await app.tap('#confirm-handBack');
  await app.find('[data-event="handed_back"]').waitFor({ timeout: 30_000 });
  await app.shot('handed-back');
}, 120_000);

it('leaves a 督办 that the grid worker answers on her case page', async () => {
  const id = await acceptedCase('4号楼门口堆了装修垃圾');
  await app.signInAs(CENTRE);
  await openCase(id);
  await app.tap('#start-supervise');
  await app.find('#supervise-note textarea').fill('请今天内清运并回复');
  await app.tap('#confirm-supervise');
  await app.find('[data-event="supervised"]').waitFor({ timeout: 30_000 });

  await app.signInAs(WORKER);
  await openCase(id);
  await app.text('上级督办待回复').waitFor();
  await app.shot('supervision-pending');
  await app.tap('#start-answerSupervision');
  await app.find('#answerSupervision-note textarea').fill('已联系物业，今天下午清运');
  await app.shot('answer-form');
  await app.tap('#confirm-answerSupervision');
  await app.find('[data-event="supervision_answered"]').waitFor({ timeout: 30_000 });
  expect(await app.page.getByText('上级督办待回复').filter({ visible: true }).count()).toBe(0);
  await app.shot('supervision-answered');
}, 120_000);
