/**
 * The dependency directions of docs/DESIGN.md, "Architecture", are lint rules (eslint.config.js); these tests feed the real
 * configuration imports that break them, so a rule that stops matching fails here rather than silently.
 */
import { Linter } from 'eslint';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js') as Linter.Config[];
const root = resolve(__dirname, '../..');
const linter = new Linter({ configType: 'flat', cwd: root });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const messages = linter.verify(source, config, { filename: resolve(root, filePath) });
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('dependency directions', () => {
  it('keeps shared/ free of I/O and SDKs', async () => {
    expect(await restrictedImports('shared/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBe(1);
    expect(await restrictedImports('shared/src/x.ts', "import cloud from 'wx-server-sdk';\nexport const x = cloud;\n")).toBe(1);
    expect(await restrictedImports('shared/src/x.ts', "import Taro from '@tarojs/taro';\nexport const x = Taro;\n")).toBe(1);
  });

  it('keeps shared/ from importing the parts that use it', async () => {
    expect(
      await restrictedImports('shared/src/x.ts', "import { x as y } from '../../cloudfunctions/src/platform/sdk';\nexport const x = y;\n"),
    ).toBe(1);
  });

  it('lets the client reach the cloud only through its transport, never the function code or an SDK', async () => {
    expect(
      await restrictedImports(
        'client/src/pages/x.tsx',
        "import { x as y } from '../../../cloudfunctions/src/lib/sdk';\nexport const x = y;\n",
      ),
    ).toBe(1);
    expect(await restrictedImports('client/src/pages/x.tsx', "import cloud from 'wx-server-sdk';\nexport const x = cloud;\n")).toBe(1);
  });

  it('keeps production code from importing the local cloud', async () => {
    expect(
      await restrictedImports(
        'cloudfunctions/src/x.ts',
        "import { startLocalCloud } from '../../localcloud/src';\nexport const x = startLocalCloud;\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'client/src/x.ts',
        "import { startLocalCloud } from '../../localcloud/src';\nexport const x = startLocalCloud;\n",
      ),
    ).toBe(1);
  });

  it('keeps wx-server-sdk inside the one SDK adapter of the cloud functions', async () => {
    expect(
      await restrictedImports('cloudfunctions/src/reports/x.ts', "import cloud from 'wx-server-sdk';\nexport const x = cloud;\n"),
    ).toBe(1);
    expect(
      await restrictedImports('cloudfunctions/src/functions/me/index.ts', "import cloud from 'wx-server-sdk';\nexport const x = cloud;\n"),
    ).toBe(1);
    expect(
      await restrictedImports('cloudfunctions/src/platform/sdk.ts', "import cloud from 'wx-server-sdk';\nexport const x = cloud;\n"),
    ).toBe(0);
    expect(
      await restrictedImports(
        'cloudfunctions/src/platform/sdk.ts',
        "import { startLocalCloud } from '../../../localcloud/src';\nexport const x = startLocalCloud;\n",
      ),
    ).toBe(1);
  });

  it('has everyone import shared/ as a package, by its exported subpaths, never by file', async () => {
    expect(await restrictedImports('client/src/x.ts', "import { ok } from '@pingan/shared/src/contracts';\nexport const x = ok;\n")).toBe(
      1,
    );
    expect(await restrictedImports('cloudfunctions/src/x.ts', "import { ok } from '../../shared/src';\nexport const x = ok;\n")).toBe(1);
    expect(
      await restrictedImports('tests/x.test.ts', "import { ok } from '../shared/src/contracts/envelope';\nexport const x = ok;\n"),
    ).toBe(1);
    expect(await restrictedImports('tools/x.ts', "import { ok } from '../shared/src';\nexport const x = ok;\n")).toBe(1);
    expect(await restrictedImports('bench/x.ts', "import { ok } from '../shared/src';\nexport const x = ok;\n")).toBe(1);
    expect(await restrictedImports('localcloud/src/x.ts', "import { ok } from '@pingan/shared';\nexport const x = ok;\n")).toBe(1);
  });

  it('allows the imports the design intends', async () => {
    expect(await restrictedImports('client/src/x.ts', "import { ok } from '@pingan/shared/contracts';\nexport const x = ok;\n")).toBe(0);
    expect(await restrictedImports('tests/x.test.ts', "import { ok } from '@pingan/shared';\nexport const x = ok;\n")).toBe(0);
    expect(await restrictedImports('cloudfunctions/src/x.ts', "import { ok } from '@pingan/shared';\nexport const x = ok;\n")).toBe(0);
    expect(await restrictedImports('client/src/x.ts', "import { ok } from '@pingan/shared';\nexport const x = ok;\n")).toBe(0);
  });
});
