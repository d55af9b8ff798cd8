// INSERT … ON CONFLICT … RETURNING fed by COPY instead of unnest arrays: the rows go into a temporary
// table with COPY, then one INSERT … SELECT moves them. Measured on 54,000 tracks on PGlite: 0.92 s
// against 1.1–1.3 s with unnest (the arrays' serialisation and parsing cost more than the extra table).
import type { CopyValue } from '../copy.ts';
import type { Queryable, Row } from '../database.ts';

export interface StagedColumn {
  name: string;
  /** SQL type of the staging column (as the target column's). */
  type: string;
}

/**
 * Inserts rows given as columns into `table`, through a temporary table dropped afterwards (and with
 * the transaction if it fails). `tail` follows `INSERT INTO table (…) SELECT … FROM staging`: an
 * ON CONFLICT and RETURNING clause. Run it inside a transaction.
 */
export async function stagedInsert<R extends Row>(
  tx: Queryable,
  table: string,
  columns: readonly StagedColumn[],
  values: readonly (readonly CopyValue[])[],
  tail: string,
): Promise<R[]> {
  if ((values[0]?.length ?? 0) === 0) return [];
  const stage = `staged_${table}`;
  const names = columns.map((c) => c.name);
  await tx.exec(
    `CREATE TEMP TABLE ${stage} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`,
  );
  await tx.copyRows(stage, names, values);
  const rows = await tx.query<R>(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${stage} ${tail}`,
  );
  await tx.exec(`DROP TABLE ${stage}`);
  return rows;
}
