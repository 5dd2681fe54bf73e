/**
 * What a plausible figure looks like, for warnings (never errors, unless `validate --strict`): a
 * delegation of `minPeople` to `maxPeople` people staying at most `maxNights` nights, on a day not
 * after today; a month of arrivals within `monthlyRatio` times (or 1 / monthlyRatio of) the month
 * before. The bounds are the config's `plausible`; each check gives the reason a value is out of
 * bounds, or null. Pure.
 */
import { grouped } from '../messages';

export interface PlausibleBounds {
  minPeople: number;
  maxPeople: number;
  maxNights: number;
  monthlyRatio: number;
}

export const DEFAULT_PLAUSIBLE: PlausibleBounds = Object.freeze({ minPeople: 1, maxPeople: 1000, maxNights: 30, monthlyRatio: 5 });

/** A delegation's people: below minPeople or above maxPeople. */
export function implausiblePeople(people: number, bounds: PlausibleBounds): string | null {
  if (people < bounds.minPeople) return `${grouped(people)} people, fewer than plausible.minPeople (${grouped(bounds.minPeople)})`;
  if (people > bounds.maxPeople) return `${grouped(people)} people, more than plausible.maxPeople (${grouped(bounds.maxPeople)})`;
  return null;
}

/** A delegation's nights: above maxNights. */
export function implausibleNights(nights: number, bounds: PlausibleBounds): string | null {
  return nights > bounds.maxNights ? `${grouped(nights)} nights, more than plausible.maxNights (${grouped(bounds.maxNights)})` : null;
}

/** A month's figure against the month before's: more than ratio times it, or less than 1 / ratio. */
export function implausibleChange(current: number, previous: number, bounds: PlausibleBounds): string | null {
  const ratio = bounds.monthlyRatio;
  if (previous === 0) return current > 0 ? `after a month of 0 (plausible.monthlyRatio ${ratio})` : null;
  if (current > previous * ratio) return `more than ${ratio}x the month before (${grouped(previous)}; plausible.monthlyRatio ${ratio})`;
  if (current * ratio < previous) return `less than 1/${ratio} of the month before (${grouped(previous)}; plausible.monthlyRatio ${ratio})`;
  return null;
}
