import { NO_PLACE, type SettlementRow, type SettlementTotals } from './monthly-settlement';

/**
 * A settled month as the finance office reads it (docs/DESIGN.md, "Points"): a line per informant, per grid
 * and per street, each a sum of the same statement rows, so every figure reconciles to the fen.
 */

/** What a line sums, in integer fen (counts are rows). */
export type SheetFigures = {
  readonly awards: number;
  readonly awardFen: number;
  readonly reversals: number;
  readonly reversalFen: number;
  readonly adjustmentFen: number;
  /** A carry from the month before (negative: owed back). */
  readonly carryInFen: number;
  readonly totalFen: number;
};

/** A statement as stored (settlementStatements), the part the sheet reads. */
export type SheetStatement = {
  readonly personId: string;
  readonly name: string;
  readonly rows: readonly SettlementRow[];
  readonly totalFen: number;
  readonly payableFen: number;
  readonly carriedFen: number;
};

/**
 * Which rows a sheet holds: the whole county's (`all`: the finance office pays from it), or the rows of these
 * grids (a street's or a community's part). Adjustments and carries belong to a person, not a place: only
 * the whole sheet holds them, and only it says what is payable.
 */
export type SheetScope = 'all' | ReadonlySet<string>;

export type InformantLine = {
  readonly personId: string;
  readonly name: string;
  /** The grids and streets of the rows in scope, by code, in order. */
  readonly gridCodes: readonly string[];
  readonly streetCodes: readonly string[];
  readonly figures: SheetFigures;
  /** The whole sheet only: what is paid, and a negative total carried into the next month. */
  readonly payableFen?: number;
  readonly carriedFen?: number;
  /** The statement's rows in scope. */
  readonly rows: readonly SettlementRow[];
};

/** A grid's or a street's total (code NO_PLACE: the rows with none, adjustments and carries). */
export type PlaceLine = { readonly code: string; readonly streetCode?: string; readonly figures: SheetFigures };

export type SettlementSheet = {
  readonly whole: boolean;
  readonly informants: readonly InformantLine[];
  readonly grids: readonly PlaceLine[];
  readonly streets: readonly PlaceLine[];
  readonly total: SheetFigures;
  readonly payableFen?: number;
  readonly carriedFen?: number;
};

const ZERO: SheetFigures = { awards: 0, awardFen: 0, reversals: 0, reversalFen: 0, adjustmentFen: 0, carryInFen: 0, totalFen: 0 };

/** Figures of some rows: awards (capped ones at 0 count as awards), reversals, adjustments and the carry in. */
export function sheetFigures(rows: readonly SettlementRow[]): SheetFigures {
  return rows.reduce(addRow, ZERO);
}

function addRow(sum: SheetFigures, row: SettlementRow): SheetFigures {
  const fen = row.amountFen;
  const next = { ...sum, totalFen: sum.totalFen + fen };
  switch (row.kind) {
    case 'award':
      return { ...next, awards: sum.awards + 1, awardFen: sum.awardFen + fen };
    case 'reversal':
      return { ...next, reversals: sum.reversals + 1, reversalFen: sum.reversalFen + fen };
    case 'adjustment':
      return { ...next, adjustmentFen: sum.adjustmentFen + fen };
    case 'carry':
      return { ...next, carryInFen: sum.carryInFen + fen };
  }
}

function addFigures(a: SheetFigures, b: SheetFigures): SheetFigures {
  return {
    awards: a.awards + b.awards,
    awardFen: a.awardFen + b.awardFen,
    reversals: a.reversals + b.reversals,
    reversalFen: a.reversalFen + b.reversalFen,
    adjustmentFen: a.adjustmentFen + b.adjustmentFen,
    carryInFen: a.carryInFen + b.carryInFen,
    totalFen: a.totalFen + b.totalFen,
  };
}

/**
 * A month's sheet from its statements, for a scope: informants with rows in it (ordered by their first
 * street, grid, then id), grids and streets by code (NO_PLACE last), and the total.
 */
export function settlementSheet(statements: readonly SheetStatement[], scope: SheetScope): SettlementSheet {
  const whole = scope === 'all';
  const inScope = (row: SettlementRow) => whole || (row.gridCode !== undefined && scope.has(row.gridCode));
  const informants = statements.flatMap((statement) => {
    const rows = statement.rows.filter(inScope);
    if (rows.length === 0) return [];
    const line: InformantLine = {
      personId: statement.personId,
      name: statement.name,
      gridCodes: placesOf(rows, 'gridCode'),
      streetCodes: placesOf(rows, 'streetCode'),
      figures: sheetFigures(rows),
      rows,
      ...(whole && { payableFen: statement.payableFen, carriedFen: statement.carriedFen }),
    };
    return [line];
  });
  informants.sort((a, b) => compareKeys(informantKey(a), informantKey(b)));
  const rows = informants.flatMap((line) => line.rows);
  const total = informants.reduce((sum, line) => addFigures(sum, line.figures), ZERO);
  return {
    whole,
    informants,
    grids: placeLines(rows, 'gridCode'),
    streets: placeLines(rows, 'streetCode'),
    total,
    ...(whole && {
      payableFen: informants.reduce((sum, line) => sum + (line.payableFen ?? 0), 0),
      carriedFen: informants.reduce((sum, line) => sum + (line.carriedFen ?? 0), 0),
    }),
  };
}

function placesOf(rows: readonly SettlementRow[], field: 'gridCode' | 'streetCode'): string[] {
  return [...new Set(rows.flatMap((row) => (row[field] === undefined ? [] : [row[field] as string])))].sort();
}

function informantKey(line: InformantLine): string[] {
  return [line.streetCodes[0] ?? '\uffff', line.gridCodes[0] ?? '\uffff', line.personId];
}

function placeLines(rows: readonly SettlementRow[], field: 'gridCode' | 'streetCode'): PlaceLine[] {
  const byCode = new Map<string, { streetCode?: string; rows: SettlementRow[] }>();
  for (const row of rows) {
    const code = row[field] ?? NO_PLACE;
    const place = byCode.get(code) ?? {
      ...(field === 'gridCode' && row.streetCode !== undefined && { streetCode: row.streetCode }),
      rows: [],
    };
    place.rows.push(row);
    byCode.set(code, place);
  }
  return [...byCode.entries()]
    .map(([code, place]) => ({
      code,
      ...(place.streetCode !== undefined && { streetCode: place.streetCode }),
      figures: sheetFigures(place.rows),
    }))
    .sort((a, b) => compareKeys([a.code === NO_PLACE ? '\uffff' : a.code], [b.code === NO_PLACE ? '\uffff' : b.code]));
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Where a sheet and the month's totals (summed from the ledger when the month closed) disagree: each
 * informant's line against their statement and the ledger, each grid (and, for the whole sheet, each street
 * and the total and payable). Empty when every figure reconciles to the fen.
 */
export function sheetMismatches(
  sheet: SettlementSheet,
  statements: readonly SheetStatement[],
  totals: SettlementTotals,
  scope: SheetScope,
): string[] {
  const wrong: string[] = [];
  const check = (what: string, sheetFen: number, ledgerFen: number) => {
    if (sheetFen !== ledgerFen) wrong.push(`${what}: sheet ${sheetFen}, ledger ${ledgerFen}`);
  };
  const byId = new Map(statements.map((statement) => [statement.personId, statement]));
  for (const line of sheet.informants) {
    if (sheet.whole) {
      check(`informant ${line.personId}`, line.figures.totalFen, totals.byPerson[line.personId] ?? 0);
      check(`statement ${line.personId}`, line.figures.totalFen, byId.get(line.personId)?.totalFen ?? 0);
    }
  }
  const grids = new Map(sheet.grids.map((line) => [line.code, line.figures.totalFen]));
  const gridCodes = scope === 'all' ? Object.keys(totals.byGrid) : [...scope];
  for (const code of new Set([...gridCodes, ...grids.keys()])) check(`grid ${code}`, grids.get(code) ?? 0, totals.byGrid[code] ?? 0);
  if (sheet.whole) {
    const streets = new Map(sheet.streets.map((line) => [line.code, line.figures.totalFen]));
    for (const code of new Set([...Object.keys(totals.byStreet), ...streets.keys()])) {
      check(`street ${code}`, streets.get(code) ?? 0, totals.byStreet[code] ?? 0);
    }
    check('total', sheet.total.totalFen, totals.totalFen);
    check('payable', sheet.payableFen ?? 0, totals.payableFen);
  }
  return wrong;
}
