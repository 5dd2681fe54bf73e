/**
 * The rows `visitstat spending` reads go to one SpendingEstimator. As a MergeableSink a big file is
 * read in two halves at once (src/ingest/parallel.ts): the worker builds its own with
 * createSpendingSink from the same plain options, its rate table rebuilt from the rates as given.
 */
import type { RatePeriod } from '../config';
import type { MergeableSink, SinkRecipe } from '../ingest/parallel';
import { type RateFlags, type RateTable, buildRateTable } from './rates';
import type { ArrivalRow, DelegationRow } from './records';
import { type SpendingData, type SpendingOptions, SpendingEstimator } from './spending';

export interface SpendingSinkOptions extends Omit<SpendingOptions, 'rates'> {
  /** The config's rate entries and the rate flags, as buildRateTable takes them. */
  rates: { periods: RatePeriod[]; flags: RateFlags };
}

export class SpendingSink implements MergeableSink {
  /** The table the estimates use; the view names each rate's rule by identity, so it must be this one. */
  readonly rates: RateTable;
  readonly estimator: SpendingEstimator;

  constructor({ rates, ...options }: SpendingSinkOptions) {
    this.rates = buildRateTable(rates.periods, rates.flags);
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

/** For the worker (a SinkRecipe names it). */
export function createSpendingSink(options: SpendingSinkOptions): SpendingSink {
  return new SpendingSink(options);
}

/** How a worker builds the same sink. */
export function spendingSinkRecipe(options: SpendingSinkOptions): SinkRecipe {
  return { module: 'model/spending-sink.js', factory: 'createSpendingSink', arg: options };
}
