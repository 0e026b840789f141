import { buildSync } from 'esbuild';

/**
 * Guards the client bundle: the contracts must stay on zod/mini's tree-shakable namespace import.
 * `import { z } from 'zod/mini'` looks the same but keeps every locale and JSON-schema helper (~430 KB).
 */
describe('contracts bundle', () => {
  it('minifies to under 40 KB with zod inside', () => {
    const result = buildSync({
      // The contracts as the client imports them: the package's `./contracts` export.
      entryPoints: [require.resolve('@pingan/shared/contracts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles[0]?.contents.length).toBeLessThan(40_000);
  });
});
