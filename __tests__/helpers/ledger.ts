/** The counted figures of a resolved ledger as objects with their places: a few figures, for tests. */
import type { LedgerResult, PlacedArrival } from '../../src/model/arrival-ledger';
import { arrivalOf } from '../../src/model/records';

export function countedRows(result: LedgerResult): PlacedArrival[] {
  const rows: PlacedArrival[] = [];
  result.counted((batch) => {
    for (let i = 0; i < batch.length; i++) rows.push({ ...arrivalOf(batch, i), ...result.placeOf(batch.figure[i]) });
  });
  return rows;
}
