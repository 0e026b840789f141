/**
 * Bundles each cloud function (cloudfunctions/src/functions/<name>/index.ts) with esbuild into its own
 * deployable folder cloudfunctions/dist/<name>/ — shared code inside, wx-server-sdk left outside as the
 * platform installs it from the folder's package.json. project.config.json's cloudfunctionRoot points here.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const srcDir = join(root, 'cloudfunctions/src/functions');
const outDir = join(root, 'cloudfunctions/dist');
const sdkVersion = (
  JSON.parse(readFileSync(join(root, 'cloudfunctions/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  }
).dependencies['wx-server-sdk'];

export async function buildFunctions(names = listFunctions()): Promise<{ name: string; bytes: number }[]> {
  mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const name of names) {
    const dir = join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await build({
      entryPoints: [join(srcDir, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minifySyntax: true,
      sourcemap: 'external',
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    const bytes = Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .reduce((sum, [, o]) => sum + o.bytes, 0);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
    );
    const config = join(srcDir, name, 'config.json');
    if (existsSync(config)) writeFileSync(join(dir, 'config.json'), readFileSync(config));
    results.push({ name, bytes });
  }
  return results;
}

function listFunctions(): string[] {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(srcDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

if (require.main === module) {
  buildFunctions(process.argv.slice(2).length ? process.argv.slice(2) : undefined).then(
    (built) => {
      for (const b of built) console.log(`built ${b.name.padEnd(16)} ${(b.bytes / 1024).toFixed(1)} KB`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
