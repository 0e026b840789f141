/**
 * Prints the weapp build's main-package and subpackage sizes (WeChat limits the main package to 2 MB;
 * our goal is 600 KB). Subpackage roots come from the built app.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';

const weapp = join(repoRoot, 'client/dist/weapp');

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? bytesUnder(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const subpackages = roots.map((root) => ({ root, bytes: bytesUnder(join(weapp, root)) }));
const main = bytesUnder(weapp) - subpackages.reduce((sum, p) => sum + p.bytes, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`weapp main package: ${kb(main)} (limit 2048 KB, goal 600 KB)`);
for (const p of subpackages) console.log(`weapp subpackage ${p.root}: ${kb(p.bytes)}`);
