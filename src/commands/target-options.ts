/**
 * Options that `progress` and `report` share: --target, --year, --tolerance, and spending valued at the
 * config's rates when a target counts rupiah.
 */
import type { Config } from '../config';
import { BehindTargetError, UsageError } from '../errors';
import { quote } from '../messages';
import { parseCount } from '../ingest/values';
import type { ValuationPlan } from '../model/metrics';
import type { MeasuredTarget } from './progress-view';

export function parseTarget(text: string): number {
  const value = parseCount(text);
  if (typeof value === 'string') throw new UsageError(`--target: ${value}; write a whole number such as 50000 or 50.000`);
  if (value === 0) throw new UsageError('--target must be above 0');
  return value;
}

export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`--year: ${quote(text)} is not a year such as 2018`);
  return Number(text);
}

export function parseTolerance(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) throw new UsageError(`--tolerance: ${quote(text)} is not a percent such as 5 or 2.5`);
  return Number(match[1]);
}

/**
 * Spending is valued at the config's rates and basis, as `visitstat spending` values it. As plain data,
 * so that a worker reading part of a file values it the same way: valuationOf checks and builds it.
 */
export function spendingValuation(config: Config): ValuationPlan {
  const { basis = 'visit', nights, rates = [] } = config;
  return { rates, basis, nights };
}

/** --fail-if-behind: exit 3 naming each target behind (during the year) or missed (once it is over). */
export function failIfBehind(measured: readonly MeasuredTarget[]): void {
  const named = (status: string) => measured.filter((m) => m.progress.status === status).map((m) => `${m.progress.metric} ${m.progress.year}`);
  const parts = [['behind', named('behind')], ['missed', named('missed')]].filter(([, which]) => which.length > 0);
  if (parts.length > 0) throw new BehindTargetError(parts.map(([status, which]) => `${status} target: ${(which as string[]).join(', ')}`).join('; '));
}
