import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An open API a function calls must be declared in its config.json, or the platform refuses the call
 * (errCode -604101) while the local cloud does not: so every function that tells people (a report's
 * transitions, an order's moves, a help call's changes, the scheduled sweep) declares subscribeMessage.send.
 */
const FUNCTIONS = join(__dirname, '../../../cloudfunctions/src/functions');
const TELLS = /from '\.\.\/\.\.\/(notifications\/notify-(report|order)|help\/help-(notify|moves))'/;

const functions = readdirSync(FUNCTIONS).filter((name) => existsSync(join(FUNCTIONS, name, 'index.ts')));
const telling = functions.filter((name) => TELLS.test(readFileSync(join(FUNCTIONS, name, 'index.ts'), 'utf8')));

function openApisOf(name: string): string[] {
  const file = join(FUNCTIONS, name, 'config.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { permissions?: { openapi?: string[] } }).permissions?.openapi ?? [];
}

it('finds the functions that tell people: the report transitions’, the order moves’, the help calls’ and the sweep', () => {
  expect(telling).toEqual(
    expect.arrayContaining([
      'acceptReport',
      'claimOrder',
      'completeOrder',
      'confirmOrder',
      'disputeOrder',
      'settleOrder',
      'clockSweep',
      'raiseHelp',
      'acknowledgeHelp',
      'closeHelp',
      'cancelHelp',
    ]),
  );
});

it.each(telling)('%s declares subscribeMessage.send', (name) => {
  expect(openApisOf(name)).toContain('subscribeMessage.send');
});
