/**
 * Smoke test of the weapp build's output: the native call-button component as WeChat would load it
 * (miniprogram-simulate: its wxml, wxss and js from client/dist/weapp), one tap driven through it, and
 * the app.json facts review checks. Builds the weapp output first when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import simulate = require('miniprogram-simulate');
import { HELP_ALERT_SOUND } from '../../../client/src/device/alert-sound';

const repoRoot = resolve(__dirname, '../../..');
const weappDir = join(repoRoot, 'client/dist/weapp');
const componentDir = join(weappDir, 'native/call-button/index');

function bytesUnder(dir: string, skip: (path: string) => boolean = () => false): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    if (skip(path)) return sum;
    return sum + (statSync(path).isDirectory() ? bytesUnder(path, skip) : statSync(path).size);
  }, 0);
}

let componentId = '';

type Listener = (event: { detail: unknown }) => void;

/** j-component's RootComponent listens to component events, though its typings leave that out. */
function listen(comp: object, name: string, listener: Listener): void {
  (comp as { addEventListener(name: string, listener: Listener): void }).addEventListener(name, listener);
}

beforeAll(() => {
  if (!existsSync(join(weappDir, 'app.json'))) {
    // Jest sets NODE_ENV=test, which Taro would take for a development build.
    execFileSync('npm', ['run', '--silent', 'build:weapp'], {
      cwd: repoRoot,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  // Taro wraps every script, the native component's too, in a webpack chunk that Taro's runtime.js
  // executes (app.js loads it first in WeChat). Load it into simulate's `wx` the same way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(weappDir, 'runtime.js'));
  // Loaded once: webpack runs a module once, so a second load would find no Component() call.
  componentId = simulate.load(componentDir, 'call-button', { compiler: 'simulate' });
}, 180_000);

describe('weapp output', () => {
  it('renders the native call button and reports a tap as a `call` event with the phone number', async () => {
    const comp = simulate.render(componentId, { role: '网格员', name: '赵丽', phone: '13800000053' });
    const parent = document.createElement('parent-wrapper');
    comp.attach(parent);
    expect(comp.querySelector('.call-button__name')!.dom!.textContent).toBe('赵丽');

    const calls: unknown[] = [];
    listen(comp, 'call', (event) => calls.push(event.detail));
    comp.querySelector('.call-button__action')!.dispatchEvent('tap');
    await simulate.sleep(0); // simulate dispatches asynchronously, as WeChat does
    expect(calls).toEqual([{ phone: '13800000053', name: '赵丽' }]);
    expect(comp.data.pressed).toBe(true);
  });

  it('does not report a tap when the staff member has no number', async () => {
    const comp = simulate.render(componentId, { role: '网格医', name: '邓丽萍', phone: '' });
    comp.attach(document.createElement('parent-wrapper'));
    const calls: unknown[] = [];
    listen(comp, 'call', (event) => calls.push(event.detail));
    comp.querySelector('.call-button__action')!.dispatchEvent('tap');
    await simulate.sleep(0); // simulate dispatches asynchronously, as WeChat does
    expect(calls).toEqual([]);
  });

  it('is wired into the pages: registered app-wide, bound to its `call` event in the templates', () => {
    const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as Record<string, unknown>;
    expect(app.usingComponents).toEqual({ 'call-button': './native/call-button/index' });
    expect(readFileSync(join(weappDir, 'base.wxml'), 'utf8')).toMatch(/<call-button[^>]*bindcall="eh"/);
  });

  it('declares what WeChat review requires of location use, and no browser-only pages', () => {
    const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as {
      requiredPrivateInfos: string[];
      permission: Record<string, { desc: string }>;
      subPackages: { root: string }[];
    };
    expect(app.requiredPrivateInfos).toEqual(['getLocation', 'chooseLocation']);
    expect(app.permission['scope.userLocation']!.desc.length).toBeGreaterThan(10);
    expect(app.subPackages.map((p) => p.root)).toEqual(['staff', 'market', 'orders', 'volunteer', 'informant', 'feedback']);
    expect(existsSync(join(weappDir, 'local'))).toBe(false);
  });

  it('ships the help alarm’s sound where the mini-program plays it from', () => {
    expect(statSync(join(weappDir, HELP_ALERT_SOUND)).size).toBeLessThan(8 * 1024);
  });

  it('keeps the main package within the 600 KB goal (WeChat allows 2 MB) and never ships fetch to the cloud', () => {
    // Every subpackage (staff, market, orders, volunteer, informant, feedback) loads on demand: only what is left is the main package.
    const { subPackages } = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { subPackages: { root: string }[] };
    const roots = subPackages.map((p) => join(weappDir, p.root.replace(/\/$/, '')));
    const main = bytesUnder(weappDir, (path) => roots.includes(path) || path.endsWith('.LICENSE.txt'));
    expect(main).toBeLessThan(600 * 1024);
    const js = readdirSync(weappDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(weappDir, f), 'utf8'))
      .join('\n');
    expect(js).not.toMatch(/\/functions\//);
  });
});
