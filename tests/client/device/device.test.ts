import { gridFromScan } from '../../../client/src/device/scan';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../client/src/device/wgs84-to-gcj02';
import { formatDateTime, formatDeadline, formatYuan } from '../../../client/src/labels/format';

describe('wgs84ToGcj02', () => {
  it('shifts a point in China by the GCJ-02 offset (a few hundred metres)', () => {
    // Tiananmen: a widely published WGS-84 → GCJ-02 pair.
    const [lng, lat] = wgs84ToGcj02(116.391275, 39.906217);
    expect(lng).toBeCloseTo(116.397518, 5);
    expect(lat).toBeCloseTo(39.907614, 5);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(2.2945, 48.8584)).toEqual([2.2945, 48.8584]);
  });

  it('is undone by gcj02ToWgs84 to well under a centimetre', () => {
    const [lng, lat] = wgs84ToGcj02(...gcj02ToWgs84(111.587499, 33.796931));
    expect(Math.abs(lng - 111.587499)).toBeLessThan(1e-7);
    expect(Math.abs(lat - 33.796931)).toBeLessThan(1e-7);
  });
});

describe('gridFromScan', () => {
  it('reads the scene of a mini-program code or of the browser build’s link', () => {
    expect(gridFromScan({ path: 'pages/scan/index?scene=g%3D410399001001-03' })).toEqual({ scene: 'g=410399001001-03' });
    expect(gridFromScan({ result: 'http://192.0.2.1:10086/#/pages/scan/index?scene=g%3D410399001001-02' })).toEqual({
      scene: 'g=410399001001-02',
    });
    expect(gridFromScan({ result: 'https://example.com/' })).toBeUndefined();
  });
});

describe('format', () => {
  it('shows Asia/Shanghai wall-clock time', () => {
    expect(formatDateTime(Date.UTC(2025, 4, 3, 16, 5))).toBe('5月4日 00:05');
  });

  it('shows fen as yuan without floating point', () => {
    expect(formatYuan(50)).toBe('0.50');
    expect(formatYuan(1234)).toBe('12.34');
    expect(formatYuan(-300)).toBe('-3.00');
  });

  it('says how long until or since a deadline', () => {
    const now = Date.UTC(2025, 4, 3);
    expect(formatDeadline(now + 3 * 3_600_000 + 60_000, now)).toBe('3小时后到期');
    expect(formatDeadline(now - 25 * 60_000, now)).toBe('已超时 25分钟');
    // Past a day, days and hours, as a worker counts a case long overdue: never 已超时 696小时.
    expect(formatDeadline(now - 29 * 24 * 3_600_000, now)).toBe('已超时 29天');
    expect(formatDeadline(now + 26 * 3_600_000 + 60_000, now)).toBe('1天2小时后到期');
  });
});
