/**
 * The rows `visitstat spending` reads go to one SpendingEstimator. As a MergeableSink
 * (src/model/row-sink.ts) a big file is read in two halves at once: the worker builds its own from the
 * same plain options, its rate table built from the same rules.
 */
import { type RateRule, type RateTable, rateTable } from './rates';
import type { ArrivalRow, DelegationRow } from './records';
import type { MergeableSink } from './row-sink';
import { type SpendingData, type SpendingOptions, SpendingEstimator } from './spending';

export interface SpendingSinkOptions extends Omit<SpendingOptions, 'rates'> {
  /** The rules over the defaults, highest priority first within each segment. */
  rates: RateRule[];
}

export class SpendingSink implements MergeableSink {
  /** The table the estimates use; the view names each rate's rule by identity, so it must be this one. */
  readonly rates: RateTable;
  readonly estimator: SpendingEstimator;

  constructor({ rates, ...options }: SpendingSinkOptions) {
    this.rates = rateTable(rates);
    this.estimator = new SpendingEstimator({ ...options, rates: this.rates });
  }

  delegation(row: DelegationRow): void {
    this.estimator.addDelegation(row);
  }

  arrival(row: ArrivalRow): void {
    this.estimator.addArrival(row);
  }

  toData(): SpendingData {
    return this.estimator.toData();
  }

  absorb(data: SpendingData): void {
    this.estimator.absorb(data);
  }
}

export function createSpendingSink(options: SpendingSinkOptions): SpendingSink {
  return new SpendingSink(options);
}
