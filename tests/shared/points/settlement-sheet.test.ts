import {
  NO_PLACE,
  settlementSheet,
  settlementStatement,
  settlementTotals,
  sheetMismatches,
  type LedgerEntry,
  type SettlementStatement,
  type SheetStatement,
} from '@pingan/shared/points';

const MONTH = '2026-11';
const NOW = Date.UTC(2026, 11, 1);
const G1 = '410399001001-03'; // 城关街道
const G2 = '410399002001-05'; // 河东街道

function entry(id: string, personId: string, kind: LedgerEntry['kind'], amount: number, gridCode?: string): LedgerEntry {
  return {
    id,
    personId,
    kind,
    unit: 'fen',
    amount,
    at: 0,
    dayKey: `${MONTH}-10`,
    monthKey: MONTH,
    ...(gridCode && { gridCode, streetCode: gridCode.slice(0, 9) }),
  };
}

const LEDGER: LedgerEntry[] = [
  entry('award:r1', 'u-a', 'award', 500, G1),
  entry('award:r2', 'u-a', 'award', 300, G2),
  entry('reversal:r2', 'u-a', 'reversal', -300, G2),
  entry('adjustment:u-a:k1', 'u-a', 'adjustment', 120),
  entry('award:r3', 'u-b', 'award', 100, G2),
  entry('carry:u-b:2026-11', 'u-b', 'carry', -250),
];

function stored(statement: SettlementStatement): SheetStatement {
  const { person, rows, totalFen, payableFen, carriedFen } = statement;
  return { personId: person.id, name: person.name, rows, totalFen, payableFen, carriedFen };
}

const FULL = [
  settlementStatement(LEDGER, { id: 'u-a', name: '李明' }, MONTH, NOW),
  settlementStatement(LEDGER, { id: 'u-b', name: '黄晓峰' }, MONTH, NOW),
];
const statements = FULL.map(stored);

describe('settlementSheet', () => {
  it('sums each informant’s awards, reversals, adjustments and carry, with payable and carried on for the whole county', () => {
    const sheet = settlementSheet(statements, 'all');
    expect(sheet.informants.map((line) => [line.personId, line.figures, line.payableFen, line.carriedFen])).toEqual([
      ['u-a', { awards: 2, awardFen: 800, reversals: 1, reversalFen: -300, adjustmentFen: 120, carryInFen: 0, totalFen: 620 }, 620, 0],
      ['u-b', { awards: 1, awardFen: 100, reversals: 0, reversalFen: 0, adjustmentFen: 0, carryInFen: -250, totalFen: -150 }, 0, -150],
    ]);
    expect(sheet.total.totalFen).toBe(470);
    expect([sheet.payableFen, sheet.carriedFen]).toEqual([620, -150]);
  });

  it('totals grids and streets from the same rows, the rows of no place (adjustments, carries) last', () => {
    const sheet = settlementSheet(statements, 'all');
    expect(sheet.grids.map((line) => [line.code, line.streetCode, line.figures.totalFen])).toEqual([
      [G1, '410399001', 500],
      [G2, '410399002', 100],
      [NO_PLACE, undefined, -130],
    ]);
    expect(sheet.streets.map((line) => [line.code, line.figures.totalFen])).toEqual([
      ['410399001', 500],
      ['410399002', 100],
      [NO_PLACE, -130],
    ]);
  });

  it('gives a street only its grids’ awards and reversals, without payable: the county pays', () => {
    const sheet = settlementSheet(statements, new Set([G2]));
    expect(sheet.whole).toBe(false);
    expect(sheet.informants.map((line) => [line.personId, line.figures.totalFen, line.rows.length, line.payableFen])).toEqual([
      ['u-a', 0, 2, undefined],
      ['u-b', 100, 1, undefined],
    ]);
    expect(sheet.grids.map((line) => line.code)).toEqual([G2]);
    expect(sheet.payableFen).toBeUndefined();
  });

  it('leaves out informants with nothing in the scope', () => {
    expect(settlementSheet(statements, new Set([G1])).informants.map((line) => line.personId)).toEqual(['u-a']);
  });
});

describe('sheetMismatches', () => {
  const totals = settlementTotals(FULL);

  it('finds nothing when the sheet and the ledger’s totals agree, for the county and for a street', () => {
    expect(sheetMismatches(settlementSheet(statements, 'all'), statements, totals, 'all')).toEqual([]);
    const street = new Set([G2]);
    expect(sheetMismatches(settlementSheet(statements, street), statements, totals, street)).toEqual([]);
  });

  it('names every figure a fen off: the informant, the grid, the street and the total', () => {
    const off = {
      ...totals,
      totalFen: totals.totalFen + 1,
      byPerson: { ...totals.byPerson, 'u-b': -149 },
      byGrid: { ...totals.byGrid, [G2]: 101 },
    };
    expect(sheetMismatches(settlementSheet(statements, 'all'), statements, off, 'all')).toEqual([
      'informant u-b: sheet -150, ledger -149',
      `grid ${G2}: sheet 100, ledger 101`,
      'total: sheet 470, ledger 471',
    ]);
    expect(sheetMismatches(settlementSheet(statements, new Set([G2])), statements, off, new Set([G2]))).toEqual([
      `grid ${G2}: sheet 100, ledger 101`,
    ]);
  });

  it('reconciles a generated month of 200 informants to the fen: every line, grid, street and the total', () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const grids = [G1, G2, '410399001002-05', '410399001003-04'];
    const ledger: LedgerEntry[] = [];
    for (let p = 0; p < 200; p += 1) {
      const personId = `u-${String(p).padStart(3, '0')}`;
      for (let r = 0; r < 1 + Math.floor(random() * 8); r += 1) {
        const amount = Math.floor(random() * 500);
        const grid = grids[Math.floor(random() * grids.length)] as string;
        ledger.push(entry(`award:${personId}-${r}`, personId, 'award', amount, grid));
        if (random() < 0.3) ledger.push(entry(`reversal:${personId}-${r}`, personId, 'reversal', -amount, grid));
      }
      if (random() < 0.2) ledger.push(entry(`adjustment:${personId}:k`, personId, 'adjustment', Math.floor(random() * 2001) - 1000));
      if (random() < 0.1) ledger.push(entry(`carry:${personId}:${MONTH}`, personId, 'carry', -Math.floor(random() * 999) - 1));
    }
    const full = [...new Set(ledger.map((e) => e.personId))].map((id) => settlementStatement(ledger, { id, name: id }, MONTH, NOW));
    const month = full.map(stored);
    const sheet = settlementSheet(month, 'all');
    const ledgerFen = ledger.reduce((sum, e) => sum + e.amount, 0);
    expect(sheetMismatches(sheet, month, settlementTotals(full), 'all')).toEqual([]);
    expect(sheet.total.totalFen).toBe(ledgerFen);
    expect(sheet.informants.reduce((sum, line) => sum + line.figures.totalFen, 0)).toBe(ledgerFen);
    expect(sheet.grids.reduce((sum, line) => sum + line.figures.totalFen, 0)).toBe(ledgerFen);
    expect(sheet.payableFen).toBe(full.reduce((sum, s) => sum + s.payableFen, 0));
    expect((sheet.payableFen ?? 0) + (sheet.carriedFen ?? 0)).toBe(ledgerFen);
  });
});
