import { buildSync } from 'esbuild';

/**
 * Guards the client bundle: the contracts must stay on zod/mini's tree-shakable namespace import.
 * `import { z } from 'zod/mini'` looks the same but keeps every locale and JSON-schema helper (~430 KB).
 * The bound leaves room for the calls themselves (39 KB with 19 calls; 60 KB with 78, after issue 11's
 * services, volunteers and 一键求助) while staying far below what the wrong import costs (~430 KB).
 */
describe('contracts bundle', () => {
  it('minifies to under 80 KB with zod inside', () => {
    const result = buildSync({
      // The contracts as the client imports them: the package's `./contracts` export.
      entryPoints: [require.resolve('@pingan/shared/contracts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles[0]?.contents.length).toBeLessThan(80_000);
  });
});
