/**
 * Rating bands for percent achieved (SAKIP performance accountability grades realisation / target x 100).
 * A band applies from its `min` (inclusive) up to the next higher band's `min` (exclusive), so the
 * published integer ranges (Baik 76-90, Sangat Baik >= 91) also place fractional percents: 90.5 is Baik.
 */
import type { BandSpec } from '../config';
import { UsageError } from '../errors';

export type { BandSpec };

export const DEFAULT_BANDS: readonly BandSpec[] = Object.freeze([
  { min: 91, id: 'Sangat Baik', en: 'Very Good' },
  { min: 76, id: 'Baik', en: 'Good' },
  { min: 66, id: 'Cukup', en: 'Fair' },
  { min: 51, id: 'Kurang', en: 'Poor' },
  { min: 0, id: 'Sangat Kurang', en: 'Very Poor' },
]);

/**
 * Checks bands from the config file and returns them highest `min` first.
 * Every percent from 0 up must fall in some band, and two bands with one `min` would make the grade ambiguous.
 */
export function validateBands(bands: readonly BandSpec[]): BandSpec[] {
  const seen = new Set<number>();
  for (const band of bands) {
    if (!Number.isFinite(band.min)) throw new UsageError(`bands: min ${band.min} is not a number`);
    if (seen.has(band.min)) throw new UsageError(`bands: two bands start at ${band.min}%`);
    if (!band.id.trim() || !band.en.trim()) {
      throw new UsageError(`bands: the band at ${band.min}% needs an id and an en label`);
    }
    seen.add(band.min);
  }
  if (!bands.some((b) => b.min <= 0)) throw new UsageError('bands: no band covers 0% (give one band with min 0)');
  return [...bands].sort((a, b) => b.min - a.min);
}

/** The band with the highest `min` not above `percent`. */
export function bandFor(percent: number, bands: readonly BandSpec[]): BandSpec {
  let best: BandSpec | null = null;
  for (const band of bands) if (band.min <= percent && (best === null || band.min > best.min)) best = band;
  if (best === null) throw new UsageError(`bands: no band covers ${percent}%`);
  return best;
}
