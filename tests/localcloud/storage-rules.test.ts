import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { configFromEnv, startLocalCloud } from '../../localcloud/src';
import { compileRuleExpression, RuleSyntaxError, type RuleContext } from '../../localcloud/src/storage/rule-expression';
import { compileStorageRules, loadStorageRules } from '../../localcloud/src/storage/storage-rules';
import { createFileStore } from '../../localcloud/src/storage/file-store';
import { STORAGE_RULES_FILE } from '../helpers/local-cloud';

const alice: RuleContext['auth'] = { openid: 'o-alice' };
const alicesFile: RuleContext['resource'] = { openid: 'o-alice', path: 'h5/a.png' };
const bobsFile: RuleContext['resource'] = { openid: 'o-bob', path: 'h5/b.png' };
const serverFile: RuleContext['resource'] = { path: 'system/routing-index.json' }; // no uploader

function grants(expression: string, context: RuleContext): boolean {
  return compileRuleExpression(expression)(context);
}

describe('storage rule expressions', () => {
  it('compares with == and != against the caller and the file', () => {
    expect(grants('resource.openid == auth.openid', { auth: alice, resource: alicesFile })).toBe(true);
    expect(grants('resource.openid == auth.openid', { auth: alice, resource: bobsFile })).toBe(false);
    expect(grants('resource.openid != auth.openid', { auth: alice, resource: bobsFile })).toBe(true);
    expect(grants("resource.path == 'h5/a.png'", { auth: alice, resource: alicesFile })).toBe(true);
  });

  it('combines with && and ||, negates with !, and groups with parentheses', () => {
    const context = { auth: alice, resource: bobsFile };
    expect(grants('auth != null && resource.openid == auth.openid', context)).toBe(false);
    expect(grants("resource.openid == auth.openid || resource.path == 'h5/b.png'", context)).toBe(true);
    expect(grants('!(resource.openid == auth.openid)', context)).toBe(true);
    expect(grants('!(true || false) || (false == false && null == null)', context)).toBe(true);
    expect(grants('!true', context)).toBe(false);
  });

  it('sees auth as null for a signed-out request, and denies a rule that reads its fields', () => {
    expect(grants('auth == null', { auth: null, resource: alicesFile })).toBe(true);
    expect(grants('auth != null', { auth: null, resource: alicesFile })).toBe(false);
    expect(grants('resource.openid == auth.openid', { auth: null, resource: alicesFile })).toBe(false);
    expect(grants("auth.openid != 'o-bob'", { auth: null, resource: alicesFile })).toBe(false);
  });

  it('denies whenever a file without an uploader is compared, so nobody matches a server-written file', () => {
    expect(grants('resource.openid == auth.openid', { auth: alice, resource: serverFile })).toBe(false);
    expect(grants('resource.openid != auth.openid', { auth: alice, resource: serverFile })).toBe(false);
    // The docs' template for web and WeChat users: alice has no uid, the file no openid; absent is not equal to absent.
    expect(grants('resource.openid == auth.openid || resource.openid == auth.uid', { auth: alice, resource: serverFile })).toBe(false);
  });

  it('grants only on exactly true, not on a truthy value', () => {
    expect(grants('resource.path', { auth: alice, resource: alicesFile })).toBe(false);
    expect(grants("'yes'", { auth: alice, resource: alicesFile })).toBe(false);
  });

  it.each([
    ['a call', 'auth.openid.startsWith("o")'],
    ['a number', '1 == 1'],
    ['an unknown identifier', 'admin == true'],
    ['an unknown field', 'auth.isAdmin == true'],
    ['a prototype field', 'auth.constructor != null'],
    ['indexing', "auth['openid'] == resource.openid"],
    ['another operator', 'resource.openid === auth.openid'],
    ['the ternary', 'auth ? true : false'],
    ['this', 'this != null'],
    ['an array', "auth.openid == ['o-alice']"],
    ['two expressions', 'false; true'],
    ['an assignment', 'auth.openid = resource.openid'],
    ['broken syntax', 'resource.openid == '],
    ['an unclosed parenthesis', '(auth != null'],
  ])('refuses %s when compiling', (_what, expression) => {
    expect(() => compileRuleExpression(expression)).toThrow(RuleSyntaxError);
  });

  it('either refuses an arbitrary string or compiles it to a predicate that answers a boolean without throwing', () => {
    const contexts: RuleContext[] = [
      { auth: null, resource: serverFile },
      { auth: alice, resource: alicesFile },
      { auth: { uid: 'u-1' }, resource: bobsFile },
    ];
    const pieces = fc.constantFrom(
      'auth',
      'resource',
      '.openid',
      '.uid',
      '.path',
      ' == ',
      ' != ',
      ' && ',
      ' || ',
      '!',
      '(',
      ')',
      'null',
      'true',
      "'o-alice'",
      '[0]',
      '()',
      '1',
      ' ? ',
      ':',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
        ),
        (source) => {
          let predicate: ((context: RuleContext) => boolean) | undefined;
          try {
            predicate = compileRuleExpression(source);
          } catch (error) {
            expect(error).toBeInstanceOf(RuleSyntaxError);
            return;
          }
          for (const context of contexts) expect(typeof predicate(context)).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('storage rules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storage-rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the project rules creator-only for read and write', () => {
    const rules = loadStorageRules(STORAGE_RULES_FILE);
    for (const operation of ['read', 'write'] as const) {
      expect(rules.allows(operation, { auth: alice, resource: alicesFile })).toBe(true);
      expect(rules.allows(operation, { auth: alice, resource: bobsFile })).toBe(false);
      expect(rules.allows(operation, { auth: alice, resource: serverFile })).toBe(false);
      expect(rules.allows(operation, { auth: null, resource: alicesFile })).toBe(false);
    }
  });

  it('takes true and false as they are, and an absent operation as false (CloudBase default)', () => {
    const rules = compileStorageRules({ read: true });
    expect(rules.allows('read', { auth: null, resource: serverFile })).toBe(true);
    expect(rules.allows('write', { auth: alice, resource: alicesFile })).toBe(false);
    expect(loadStorageRules(undefined).allows('write', { auth: alice, resource: alicesFile })).toBe(false);
  });

  it.each([
    ['not JSON', '{ read: true'],
    ['an unknown key', '{ "read": true, "wirte": false }'],
    ['a value of another type', '{ "read": 1 }'],
    ['an expression outside the language', '{ "read": true, "write": "auth.openid.length > 0" }'],
  ])('refuses a rules file with %s, naming the file', (_what, text) => {
    const file = join(dir, 'storage.rules.json');
    writeFileSync(file, text);
    expect(() => loadStorageRules(file)).toThrow(file);
  });

  it('fails the start of a local cloud whose rules file cannot be used, before it opens anything', async () => {
    const file = join(dir, 'bad.rules.json');
    writeFileSync(file, JSON.stringify({ read: true, write: 'resource.openid === auth.openid' }));
    const start = startLocalCloud({
      host: '127.0.0.1',
      port: 0,
      envId: 'bad-env',
      dataDir: join(dir, 'data'),
      poolSize: 1,
      appId: 'wx',
      storageRulesFile: file,
    });
    await expect(start).rejects.toThrow(/storage rules file .*bad\.rules\.json.*the operator ===/s);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('reads the rules file from LOCALCLOUD_STORAGE_RULES_FILE', () => {
    expect(configFromEnv({ LOCALCLOUD_STORAGE_RULES_FILE: STORAGE_RULES_FILE }).storageRulesFile).toBe(STORAGE_RULES_FILE);
    expect(configFromEnv({}).storageRulesFile).toBeUndefined();
  });
});

describe('file owners', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-owner-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the uploader of a file across a restart, and a server write leaves it without one', () => {
    createFileStore(dir).write('h5/a.png', Buffer.from('a'), 'o-alice');
    const reopened = createFileStore(dir);
    expect(reopened.ownerOf('h5/a.png')).toBe('o-alice');
    reopened.write('h5/a.png', Buffer.from('server'));
    expect(reopened.ownerOf('h5/a.png')).toBeUndefined();
    expect(reopened.read('h5/a.png')?.toString()).toBe('server');
  });

  it('forgets the owner with the file, so a later upload of the path starts afresh', () => {
    const store = createFileStore(dir);
    store.write('h5/a.png', Buffer.from('a'), 'o-alice');
    expect(store.remove('h5/a.png')).toBe(true);
    expect(store.ownerOf('h5/a.png')).toBeUndefined();
    store.write('h5/a.png', Buffer.from('b'), 'o-bob');
    expect(store.ownerOf('h5/a.png')).toBe('o-bob');
  });

  it('treats an owner record left without bytes (a crash between the two renames) as no file', () => {
    const store = createFileStore(dir);
    store.write('h5/a.png', Buffer.from('a'), 'o-alice');
    const hash = createHash('sha256').update('h5/a.png').digest('hex');
    const bytesFile = join(dir, 'objects', hash.slice(0, 2), hash);
    expect(readFileSync(`${bytesFile}.meta.json`, 'utf8')).toBe('{"openid":"o-alice"}');
    unlinkSync(bytesFile);
    expect(store.exists('h5/a.png')).toBe(false);
    expect(store.ownerOf('h5/a.png')).toBeUndefined();
  });
});
