/**
 * Rating bands for percent achieved (SAKIP performance accountability grades realisation / target x 100).
 * A band applies from its `min` (inclusive) up to the next higher band's `min` (exclusive), so the
 * published integer ranges (Baik 76-90, Sangat Baik >= 91) also place fractional percents: 90.5 is Baik.
 * Bands from the config file are checked at the edge (src/commands/parse.ts): one starts at 0 or below.
 */

export interface BandSpec {
  /** The band applies when percent achieved >= min (bands are tried from the highest min down). */
  min: number;
  id: string;
  en: string;
}

export const DEFAULT_BANDS: readonly BandSpec[] = Object.freeze([
  { min: 91, id: 'Sangat Baik', en: 'Very Good' },
  { min: 76, id: 'Baik', en: 'Good' },
  { min: 66, id: 'Cukup', en: 'Fair' },
  { min: 51, id: 'Kurang', en: 'Poor' },
  { min: 0, id: 'Sangat Kurang', en: 'Very Poor' },
]);

/** The band with the highest `min` not above `percent`. */
export function bandFor(percent: number, bands: readonly BandSpec[]): BandSpec {
  let best: BandSpec | null = null;
  for (const band of bands) if (band.min <= percent && (best === null || band.min > best.min)) best = band;
  if (best === null) throw new RangeError(`bands: no band covers ${percent}%`);
  return best;
}
