/**
 * What a file of arrivals by destination or by country names, for its verdict and the data quality:
 * how many destinations (trimmed and case-folded) and countries its accepted rows name, and each
 * country name that matches no country (src/model/countries.ts), as written, with its rows. Counted
 * per row by the value as written, so a value repeated on a million rows is matched once.
 */
import { countryKey, destinationKey, isUnknownCountry } from '../model/arrival-key';

export interface DimensionCounts {
  /** Destinations named, by key; absent when the file has no destination column. */
  destinations?: number;
  /** Countries named (known ones, by country); absent when the file has no country column. */
  countries?: number;
  /** Names no country has, as first written, with the rows that have them (most rows first). */
  unknownCountries?: { name: string; rows: number }[];
}

/** A DimensionTally's state as plain data: a worker's part of a file. */
export interface DimensionTallyData {
  destinations: string[];
  countries: [string, number][];
}

export class DimensionTally {
  private readonly destinations = new Map<string, string>();
  private readonly countries = new Map<string, number>();

  constructor(
    private readonly hasDestination: boolean,
    private readonly hasCountry: boolean,
  ) {}

  /** One accepted row's destination and country, as written (null: empty). */
  add(destination: string | null | undefined, country: string | null | undefined, rows = 1): void {
    if (destination != null && !this.destinations.has(destination)) this.destinations.set(destination, destinationKey(destination));
    if (country != null) this.countries.set(country, (this.countries.get(country) ?? 0) + rows);
  }

  toData(): DimensionTallyData {
    return { destinations: [...this.destinations.keys()], countries: [...this.countries] };
  }

  absorb(data: DimensionTallyData): void {
    for (const destination of data.destinations) this.add(destination, null);
    for (const [country, rows] of data.countries) this.add(null, country, rows);
  }

  counts(): DimensionCounts {
    const counts: DimensionCounts = {};
    if (this.hasDestination) counts.destinations = new Set(this.destinations.values()).size;
    if (!this.hasCountry) return counts;
    const known = new Set<string>();
    const unknown = new Map<string, { name: string; rows: number }>();
    for (const [name, rows] of this.countries) {
      const key = countryKey(name);
      if (!isUnknownCountry(key)) known.add(key);
      else {
        const entry = unknown.get(key);
        if (entry) entry.rows += rows;
        else unknown.set(key, { name, rows });
      }
    }
    counts.countries = known.size;
    if (unknown.size > 0) counts.unknownCountries = [...unknown.values()].sort((a, b) => b.rows - a.rows || (a.name < b.name ? -1 : 1));
    return counts;
  }
}
