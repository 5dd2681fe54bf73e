/**
 * The rows `visitstat spending` reads go to one SpendingEstimator: delegations as they come, arrivals
 * once everything is read, from the views of ArrivalFigures (figures of different breakdowns are never
 * added together). As a MergeableSink (src/model/row-sink.ts) a big file is read in two halves at once:
 * the worker builds its own from the same plain options, its rate table built from the same rules.
 */
import { type ArrivalFiguresData, ArrivalFigures } from './arrival-figures';
import type { ArrivalDim } from './arrival-key';
import { type RateRule, type RateTable, rateTable } from './rates';
import type { ArrivalBatch, ArrivalRow, DelegationRow } from './records';
import type { MergeableSink } from './row-sink';
import { type SpendingData, type SpendingOptions, type SpendingResult, SpendingEstimator } from './spending';

export interface SpendingSinkOptions extends Omit<SpendingOptions, 'rates'> {
  /** The rules over the defaults, highest priority first within each segment. */
  rates: RateRule[];
}

interface SpendingSinkData {
  estimator: SpendingData;
  figures: ArrivalFiguresData;
}

export class SpendingSink implements MergeableSink {
  /** The table the estimates use; the view names each rate's rule by identity, so it must be this one. */
  readonly rates: RateTable;
  readonly estimator: SpendingEstimator;
  readonly figures: ArrivalFigures;
  private fed = false;

  constructor({ rates, ...options }: SpendingSinkOptions) {
    this.rates = rateTable(rates);
    this.estimator = new SpendingEstimator({ ...options, rates: this.rates });
    this.figures = arrivalFiguresFor(options.groupBy ?? null, rates);
  }

  delegation(row: DelegationRow): void {
    this.estimator.addDelegation(row);
  }

  arrival(row: ArrivalRow): void {
    this.figures.add(row);
  }

  arrivalBatch(batch: ArrivalBatch): void {
    this.figures.addBatch(batch);
  }

  /** The estimate, once every input is read. */
  result(): SpendingResult {
    if (!this.fed) feedArrivals(this.figures, this.estimator, this.estimator.groupBy, hasMarkets(this.rates.rules));
    this.fed = true;
    return this.estimator.result();
  }

  toData(): SpendingSinkData {
    return { estimator: this.estimator.toData(), figures: this.figures.toData() };
  }

  absorb(data: SpendingSinkData): void {
    this.estimator.absorb(data.estimator);
    this.figures.absorb(data.figures);
  }
}

export function createSpendingSink(options: SpendingSinkOptions): SpendingSink {
  return new SpendingSink(options);
}

/** Config rates of a market of its own. */
export function hasMarkets(rules: readonly RateRule[]): boolean {
  return rules.some((rule) => rule.country !== undefined);
}

/** Arrivals kept by the day (rates change by the day), with the dimensions spending shows or values by. */
export function arrivalFiguresFor(groupBy: ArrivalDim | null, rules: readonly RateRule[]): ArrivalFigures {
  const keep: ArrivalDim[] = groupBy ? [groupBy] : hasMarkets(rules) ? ['country'] : [];
  return new ArrivalFigures({ granularity: 'day', keep });
}

/**
 * The arrivals rows spending values: by destination, the figures by destination; else domestic from
 * the totals and foreign by country where a country breakdown exists and it matters (grouped by
 * country, or a market has its own rate). Each month falls back to the figures it has where it has
 * no such breakdown (their destination or country then unknown): every arrival counted is valued.
 */
export function spendingRows(figures: ArrivalFigures, groupBy: ArrivalDim | null, markets: boolean): ArrivalRow[] {
  if (groupBy === 'destination') return figures.select(['destination'], { fallback: true });
  const byCountry = groupBy === 'country' || markets;
  return [
    ...figures.select([], { segments: ['domestic'] }),
    ...figures.select(byCountry ? ['country'] : [], { segments: ['foreign'], fallback: true }),
  ];
}

/** Arrivals to an estimator, as spendingRows() gives them. */
export function feedArrivals(figures: ArrivalFigures, estimator: SpendingEstimator, groupBy: ArrivalDim | null, markets: boolean): void {
  for (const row of spendingRows(figures, groupBy, markets)) estimator.addArrival(row);
}
