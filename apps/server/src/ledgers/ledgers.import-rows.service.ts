import { type OrgLookup, parseCell } from '@fazhi/core/ledgers/cells';
import { type LedgerDefinition, uniqueKeySets } from '@fazhi/core/ledgers/definition';
import { describeKey, findDuplicatesInFile, keySeparator, type UniqueKey } from '@fazhi/core/ledgers/duplicates';
import { buildFastRowCheck } from '@fazhi/core/ledgers/row-fast-check';
import { buildRowSchema, type LedgerData } from '@fazhi/core/ledgers/row-schema';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { existingUniqueValues } from './ledgers.repo.ts';
import { type ReportError, type SheetRecord, sheetFields } from './ledgers.sheet.service.ts';

/** `blind`: the row's blind indexes once its personal values have been sealed (reused by the duplicate check). */
export type ParsedRow = { rowNumber: number; orgId: number; data: LedgerData; blind?: Record<string, string> };

/**
 * Turns sheet rows into ledger data the way a form save would: each cell through the core's `parseCell`, the row
 * through the type's schema (its accept-only fast twin first, the zod schema for every row it does not accept, so
 * the Chinese messages are the schema's). Keeps the valid rows and the row-level errors; notes in-file duplicates
 * as it goes so a writer can stop early.
 */
export class RowValidator {
  readonly rows: ParsedRow[] = [];
  readonly errors: ReportError[] = [];
  /** Set once a unique key repeats within the file (the report gets the details from `duplicateErrors`). */
  hasDuplicateInFile = false;
  private readonly schema;
  private readonly fast;
  private readonly fields;
  private readonly columns: number[];
  private readonly orgColumn: number;
  private readonly labels: Map<string, string>;
  private readonly seenKeys = new Set<string>();
  private readonly keySets: string[][];

  constructor(
    def: LedgerDefinition,
    keys: string[],
    private readonly lookup: OrgLookup,
    private readonly defaultOrgId: number,
  ) {
    this.schema = buildRowSchema(def);
    this.fast = buildFastRowCheck(def);
    this.fields = sheetFields(def);
    this.columns = this.fields.map((f) => keys.indexOf(f.key));
    this.orgColumn = keys.indexOf('__org');
    this.labels = new Map(def.fields.map((f) => [f.key, f.label]));
    this.keySets = uniqueKeySets(def);
  }

  /** Validates a batch; returns the rows of it that passed (also appended to `rows`). */
  add(records: SheetRecord[]): ParsedRow[] {
    const passed: ParsedRow[] = [];
    for (const record of records) {
      const row = this.one(record);
      if (row) {
        this.rows.push(row);
        passed.push(row);
        this.noteKeys(row.data);
      }
    }
    return passed;
  }

  private noteKeys(data: LedgerData) {
    for (const fields of this.keySets) {
      let id = fields.join(',');
      let complete = true;
      for (const k of fields) {
        const v = data[k];
        if (v === undefined || v === null || v === '') complete = false;
        id += keySeparator + String(v);
      }
      if (!complete) continue;
      if (this.seenKeys.has(id)) this.hasDuplicateInFile = true;
      else this.seenKeys.add(id);
    }
  }

  private one(record: SheetRecord): ParsedRow | null {
    const rowErrors: ReportError[] = [];
    let orgId = this.defaultOrgId;
    if (this.orgColumn >= 0) {
      const orgCell = record.values[this.orgColumn];
      if (orgCell !== null && orgCell !== undefined && String(orgCell).trim() !== '') {
        const found = this.lookup(String(orgCell));
        if (typeof found === 'number') orgId = found;
        else
          rowErrors.push({
            row: record.rowNumber,
            column: '填报单位',
            message:
              found === 'ambiguous'
                ? `单位名称“${orgCell}”不唯一，请填写全称`
                : `找不到单位“${orgCell}”，或不在您的数据范围内`,
          });
      }
    }
    const input: Record<string, unknown> = {};
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i]!;
      const column = this.columns[i]!;
      const cell = parseCell(f, column < 0 ? undefined : record.values[column], this.lookup);
      if (cell.ok) input[f.key] = cell.value;
      else rowErrors.push({ row: record.rowNumber, column: f.label, message: cell.message });
    }
    if (!rowErrors.length && this.fast) {
      const data = this.fast(input);
      if (data) return { rowNumber: record.rowNumber, orgId, data };
    }
    const failedCells = new Set(rowErrors.map((e) => e.column));
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = this.labels.get(String(issue.path[0])) ?? '';
        if (!failedCells.has(column)) rowErrors.push({ row: record.rowNumber, column, message: issue.message });
      }
    }
    if (rowErrors.length) {
      this.errors.push(...rowErrors);
      return null;
    }
    return parsed.success ? { rowNumber: record.rowNumber, orgId, data: parsed.data } : null;
  }
}

const keyLabel = (def: LedgerDefinition, fields: string[]) =>
  fields.map((k) => def.fields.find((f) => f.key === k)?.label ?? k).join('+');

/** Unique keys repeated within the file, and keys that stored rows already hold. */
export async function duplicateErrors(
  db: Executor,
  def: LedgerDefinition,
  user: AuthUser,
  rows: ParsedRow[],
): Promise<ReportError[]> {
  const errors: ReportError[] = [];
  for (const d of findDuplicatesInFile(def, rows))
    errors.push({ row: d.rowNumber, column: keyLabel(def, d.fields), message: d.message });
  errors.push(...(await storedDuplicateErrors(db, def, user, rows)));
  return errors;
}

/**
 * Rows whose unique key a stored row in the user's data scope already holds (one query per constraint): the report
 * names only the caller's own rows, never another unit's.
 */
export async function storedDuplicateErrors(
  db: Executor,
  def: LedgerDefinition,
  user: AuthUser,
  rows: ParsedRow[],
): Promise<ReportError[]> {
  // The keys of every row, built once per row with the key sets computed once (a 50,000-row file: no per-row
  // re-filtering of the definition's fields); in row order, each row's keys in key-set order.
  const sets = uniqueKeySets(def);
  const keys: (UniqueKey & { row: number; blind?: Record<string, string> })[] = [];
  for (const r of rows) {
    for (const fields of sets) {
      let value = '';
      let complete = true;
      for (let i = 0; i < fields.length; i++) {
        const v = r.data[fields[i]!];
        if (v === undefined || v === null || v === '') {
          complete = false;
          break;
        }
        value = i === 0 ? String(v) : value + keySeparator + String(v);
      }
      if (complete) keys.push({ fields, value, row: r.rowNumber, blind: r.blind });
    }
  }
  if (!keys.length) return [];
  const existing = await existingUniqueValues(db, def, user, keys);
  const held = new Map(sets.map((fields) => [fields, existing.get(fields.join(','))]));
  return keys
    .filter((k) => held.get(k.fields)?.has(k.value))
    .map((k) => ({
      row: k.row,
      column: keyLabel(def, k.fields),
      message: `${describeKey(def, k)}已存在于系统中，不能重复导入`,
    }));
}
