import { EJSON } from 'bson';
import { decodeEjson, parseEjson, stringifyDoc } from '../../../localcloud/src/db/ejson';

/** The SDK's EJSON in, and replies the SDK's own EJSON.parse reads back into the same values. */

describe('decoding what the SDK sends', () => {
  it('turns number wrappers into numbers, NaN and infinities included', () => {
    const sent =
      '{"i":{"$numberInt":"1"},"l":{"$numberLong":"1099511627776"},"d":{"$numberDouble":"1.5"},"n":{"$numberDouble":"NaN"},"x":{"$numberDouble":"-Infinity"}}';
    expect(parseEjson(sent)).toEqual({ i: 1, l: 1099511627776, d: 1.5, n: NaN, x: -Infinity });
  });

  it('turns every $date form into a Date', () => {
    const sent = '[{"$date":{"$numberLong":"1700000000000"}},{"$date":"2024-01-02T03:04:05.000Z"},{"$date":5}]';
    expect(parseEjson(sent)).toEqual([new Date(1700000000000), new Date('2024-01-02T03:04:05.000Z'), new Date(5)]);
  });

  it('turns $regularExpression into a RegExp and leaves a $regex query operator alone', () => {
    const decoded = parseEjson('{"a":{"$regularExpression":{"pattern":"^x","options":"i"}},"b":{"$regex":"y","$options":"m"}}') as Record<
      string,
      unknown
    >;
    expect(decoded.a).toEqual(/^x/i);
    expect(decoded.b).toEqual({ $regex: 'y', $options: 'm' });
  });

  it('resolves db.serverDate() to the server clock plus its offset', () => {
    const now = Date.UTC(2024, 4, 1);
    expect(decodeEjson({ at: { $tcb_server_date: { offset: { $numberInt: '-1000' } } } }, now)).toEqual({ at: new Date(now - 1000) });
  });

  it('keeps GeoJSON and operators as they are', () => {
    const query = {
      g: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [{ $numberDouble: '120.1' }, { $numberInt: '30' }] } } },
    };
    expect(decodeEjson(query)).toEqual({ g: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [120.1, 30] } } } });
  });
});

describe('encoding replies', () => {
  it("round-trips dates, special numbers and nesting through the SDK's EJSON.parse", () => {
    const doc = { _id: 'a', at: new Date(1700000000123), n: [1, 2.5, NaN, Infinity], deep: { list: [{ when: new Date(0) }] }, nil: null };
    const parsed = EJSON.parse(stringifyDoc(doc)) as Record<string, unknown>;
    expect(parsed).toEqual(doc);
    expect(parsed.at).toBeInstanceOf(Date);
  });

  it('sends a stored regular expression with only the options BSON accepts', () => {
    const parsed = EJSON.parse(stringifyDoc({ re: /a.b/gimy })) as { re: { pattern: string; options: string } };
    expect(parsed.re).toMatchObject({ pattern: 'a.b', options: 'im' });
  });

  it('drops undefined fields, as BSON does', () => {
    expect(JSON.parse(stringifyDoc({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });
});
