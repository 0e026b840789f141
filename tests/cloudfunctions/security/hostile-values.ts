import fc from 'fast-check';

/**
 * Hostile values, as an attacker would put them in a cloud function's event. Everything here survives
 * JSON (the event reaches the function as JSON, from the mini-program or the browser route), so what
 * the test sends is what the function receives.
 */

/** MongoDB/CloudBase query and update operators, EJSON type wrappers, and operator-looking strings. */
const OPERATOR_OBJECTS: readonly unknown[] = [
  { $ne: null },
  { $ne: '' },
  { $gt: '' },
  { $gte: 0 },
  { $lt: { $maxKey: 1 } },
  { $in: ['o-demo-resident-01', 'o-demo-centre-01', null] },
  { $nin: [] },
  { $exists: true },
  { $regex: '.*' },
  { $regex: '^', $options: 'si' },
  { $where: 'sleep(3000) || true' },
  { $where: 'function () { return this.reporterOpenid != null }' },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function () { return true }', args: [], lang: 'js' } },
  { $or: [{}, { reporterOpenid: { $ne: null } }] },
  { $and: [] },
  { $nor: [{ _id: null }] },
  { $not: { $eq: 1 } },
  { $elemMatch: { $ne: null } },
  { $size: 0 },
  { $all: [] },
  { $type: 'string' },
  { $mod: [1, 0] },
  { $text: { $search: '*' } },
  { $nearSphere: { $geometry: { type: 'Point', coordinates: [111.5875, 33.7969] }, $maxDistance: 1e9 } },
  { $geoWithin: { $centerSphere: [[111.5875, 33.7969], 10] } },
  { $date: 0 },
  { $date: { $numberLong: '9999999999999' } },
  { $numberLong: '9223372036854775807' },
  { $numberDecimal: 'NaN' },
  { $oid: '000000000000000000000000' },
  { $regularExpression: { pattern: '.*', options: '' } },
  { $binary: { base64: 'AAAA', subType: '00' } },
  { $set: { roles: ['centre'], status: 'accepted' } },
  { $inc: { version: 1, amount: 100000 } },
  { $push: { events: { type: 'accepted' } } },
  { $unset: { reporterOpenid: '' } },
  { $rename: { reporterOpenid: 'x' } },
  { $ne: null, $exists: true, $where: 'true' },
];

const OPERATOR_STRINGS: readonly string[] = [
  '$ne',
  '$where',
  '{"$ne":null}',
  '{"$gt":""}',
  "' || '1'=='1",
  '"; return true; //',
  'this.reporterOpenid',
  '.*',
  '^',
  '../../../etc/passwd',
  'cloud://test-env.bucket/../../routing/index.json',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%00',
  '%E0%A4%A',
  'g%3D410399001001-03%00',
];

/** Lone surrogates, invisible and control characters, direction overrides, look-alikes, both normal forms. */
const UNICODE_EDGES: readonly string[] = [
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDC00\uD800',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001B[31m',
  '\u202E\u202Dabc\u202C',
  '\u2028\u2029',
  '\u00AD\u034F\u180E',
  'e\u0301'.repeat(50),
  '\u00E9',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359'.repeat(30),
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\uFFFD\uFFFE\uFFFF',
  '４１０３９９００１００１－０３',
  'ＨＪＷＳ',
  'İıſK',
  '\u3000 \t\n\r\v\f',
  '\uDBFF\uDFFF',
  '\u{E0041}\u{E0042}',
];

/** Objects whose own keys try to reach Object.prototype (built with JSON.parse, so the keys are own). */
const POLLUTING_JSON: readonly string[] = [
  '{"__proto__":{"polluted":true,"roles":["centre"],"isAdmin":true,"openid":"o-demo-centre-01"}}',
  '{"constructor":{"prototype":{"polluted":true,"roles":["centre"]}}}',
  '{"__proto__":{"__proto__":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"constructor":null,"toString":1,"valueOf":"x","hasOwnProperty":{}}',
];

/** Keys that name an identity or a privilege, which the caller's event must never be able to set. */
export const IDENTITY_KEYS: readonly string[] = [
  'openid',
  '_openid',
  'OPENID',
  'openId',
  'FROM_OPENID',
  'WX_OPENID',
  'unionid',
  'UNIONID',
  'userInfo',
  'reporterId',
  'reporterOpenid',
  'reporterName',
  'actorId',
  'userId',
  'caller',
  'roles',
  'gridCodes',
  'level',
  'regionCode',
  'department',
  '_id',
  'version',
  'status',
  'ownerCode',
  'moderation',
  'APPID',
];

/** Someone else's identity: other people's openids and ids, and privileged-looking records. */
const OTHER_IDENTITIES: readonly unknown[] = [
  'o-demo-centre-01',
  'o-demo-resident-02',
  'o-demo-grid-worker-10',
  'u-centre-01',
  'u-resident-02',
  '',
  ['centre', 'gridWorker', 'gridLeader'],
  ['410399001001-09', '410399'],
  { openId: 'o-demo-centre-01', appId: 'wx-test-appid' },
  { openid: 'o-demo-centre-01', roles: ['centre'], level: 'county', regionCode: '410399' },
  { pending: false, verdict: 'pass' },
];

const pollutingObject = fc.constantFrom(...POLLUTING_JSON).map((json) => JSON.parse(json) as unknown);

/**
 * A value built only when a corruption puts it in place, so that fast-check prints a failing run as
 * its recipe (`'a'.repeat(200000)`) rather than 200,000 characters.
 */
export class Built {
  constructor(
    private readonly recipe: string,
    readonly build: () => unknown,
  ) {}

  [fc.toStringMethod](): string {
    return this.recipe;
  }
}

/**
 * The value to put in an event: a recipe built, anything else copied (through JSON, which keeps own
 * `__proto__` keys), so that a later corruption of this event never changes a shared constant.
 */
export function materialise(value: unknown): unknown {
  if (value instanceof Built) return value.build();
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** A few sizes well past every bound of the contracts, and still far under any platform payload limit. */
const hugeSize = fc.constantFrom(2_001, 10_000, 65_537, 200_000);

const huge: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(hugeSize, fc.constantFrom('a', '中', '\u200B', '$', '👍'))
    .map(([n, unit]) => new Built(`${JSON.stringify(unit)}.repeat(${n})`, () => unit.repeat(n))),
  fc
    .tuple(hugeSize, fc.constantFrom<unknown>(0, 'cloud://test-env.b/x.jpg', null, { $ne: null }))
    .map(
      ([n, item]) =>
        new Built(`Array(${Math.min(n, 65_537)}).fill(${JSON.stringify(item)})`, () =>
          Array.from({ length: Math.min(n, 65_537) }, () => item),
        ),
    ),
  hugeSize.map(
    (n) => new Built(`{ k0: 0, …, k${n - 1}: ${n - 1} }`, () => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  ),
);

/**
 * Nested arrays, objects, operators and `__proto__` keys: under the platform's nesting limit (so the
 * function gets them), and over it, up to a thousand levels (so the edge must refuse them).
 */
const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 2, max: 99 }), fc.integer({ min: 100, max: 1000 })),
    fc.constantFrom('array', 'object', 'operator', 'proto'),
  )
  .map(([depth, shape]) => new Built(`nested ${shape} × ${depth}`, () => nest(depth, shape)));

const NESTING: Record<string, readonly [open: string, inner: string, close: string]> = {
  array: ['[', '"x"', ']'],
  object: ['{"a":', '"x"', '}'],
  operator: ['{"$or":[{"$where":"true"},', '{"$ne":null}', ']}'],
  proto: ['{"__proto__":', '"x"', '}'],
};

/** Built as JSON text and parsed once: cheap at any depth, and `__proto__` stays an own key. */
function nest(depth: number, shape: string): unknown {
  const [open, inner, close] = NESTING[shape] ?? ['[', '0', ']'];
  return JSON.parse(open.repeat(depth) + inner + close.repeat(depth)) as unknown;
}

/** Values of the wrong type for any field, and the JSON edge cases (numbers at their limits, empty things). */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    1e308,
    -1e308,
    2 ** 53 + 2,
    '',
    ' ',
    '0',
    'true',
    'null',
    'undefined',
    [],
    [null],
    {},
    [[]],
    { length: 1 },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any hostile value, of every family the issue names. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...OPERATOR_OBJECTS),
  fc.constantFrom<unknown>(...OPERATOR_STRINGS),
  wrongType,
  huge,
  deeplyNested,
  fc.constantFrom<unknown>(...UNICODE_EDGES),
  pollutingObject,
  fc.constantFrom(...OTHER_IDENTITIES),
);

/** A key to add to an object: an identity or privilege, a prototype-reaching key, or any string. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...IDENTITY_KEYS),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$ne', '$set', 'toString', 'valueOf'),
  fc.constantFrom(...UNICODE_EDGES.slice(0, 12)),
  fc.string({ maxLength: 12 }),
);

/** A value for an added identity key: mostly someone else's identity, sometimes anything hostile. */
export const identityValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...OTHER_IDENTITIES) },
  { weight: 1, arbitrary: hostileValue },
);

/** People to pass for: a county centre, another resident, a grid worker of the same grid and of another. */
const OTHER_PEOPLE = [
  { openid: 'o-demo-centre-01', id: 'u-centre-01' },
  { openid: 'o-demo-grid-worker-04', id: 'u-grid-worker-04' },
  { openid: 'o-demo-resident-02', id: 'u-resident-02' },
  { openid: 'o-demo-grid-worker-10', id: 'u-grid-worker-10' },
] as const;

/** Every identity and privilege field at once, claiming to be one other person with every role. */
export const impersonation: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...OTHER_PEOPLE).map(({ openid, id }) => ({
  openid,
  _openid: openid,
  OPENID: openid,
  openId: openid,
  FROM_OPENID: openid,
  WX_OPENID: openid,
  reporterOpenid: openid,
  userInfo: { openId: openid, appId: 'wx-test-appid' },
  reporterId: id,
  userId: id,
  actorId: id,
  roles: ['centre', 'gridWorker', 'gridLeader', 'police'],
  gridCodes: ['410399001001-03', '410399001001-09'],
  level: 'county',
  regionCode: '410399',
}));

/** A whole event that is nothing like the contract: any JSON, or a hostile value in the event's place. */
export const randomEvent: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostileValue);
