/**
 * What a file of arrivals by destination or by country names, for its verdict and the data quality:
 * how many destinations (trimmed and case-folded) and countries its figures within --from/--to name,
 * and each country name that matches no country (src/model/countries.ts), as written, with its rows.
 * Counted by the value as written (or the scanner's code for it), so a value repeated on a million rows
 * is matched once.
 */
import { countryKey, destinationKey, isUnknownCountry } from '../model/arrival-key';
import { grown } from '../model/grown';
import type { ArrivalBatch } from '../model/records';

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
  /** The straight path's figures by the scanner's codes (one file's): a value per code, and rows per country code. */
  private readonly destinationByCode: (string | undefined)[] = [];
  private readonly countryByCode: (string | undefined)[] = [];
  private countryRows = new Float64Array(64);

  constructor(
    private readonly hasDestination: boolean,
    private readonly hasCountry: boolean,
  ) {}

  /** One accepted row's destination and country, as written (null: empty). */
  add(destination: string | null | undefined, country: string | null | undefined, rows = 1): void {
    if (destination != null && !this.destinations.has(destination)) this.destinations.set(destination, destinationKey(destination));
    if (country != null) this.countries.set(country, (this.countries.get(country) ?? 0) + rows);
  }

  /** A batch's figures, by their codes: a lookup in an array per figure. */
  addBatch(batch: ArrivalBatch): void {
    for (let i = 0; i < batch.length; i++) {
      const d = batch.destinationCode[i];
      if (d >= 0) {
        if (this.destinationByCode[d] === undefined) this.destinationByCode[d] = batch.destination[i]!;
      } else this.add(batch.destination[i], null);
      const c = batch.countryCode[i];
      if (c < 0) {
        this.add(null, batch.country[i]);
        continue;
      }
      if (this.countryByCode[c] === undefined) this.countryByCode[c] = batch.country[i]!;
      while (c >= this.countryRows.length) this.countryRows = grown(this.countryRows, this.countryRows.length * 2);
      this.countryRows[c]++;
    }
  }

  /** The figures counted by code, moved to the maps by value. */
  private settle(): void {
    this.destinationByCode.forEach((name) => name !== undefined && this.add(name, null));
    this.destinationByCode.length = 0;
    this.countryByCode.forEach((name, c) => name !== undefined && this.add(null, name, this.countryRows[c]));
    this.countryByCode.length = 0;
    this.countryRows.fill(0);
  }

  toData(): DimensionTallyData {
    this.settle();
    return { destinations: [...this.destinations.keys()], countries: [...this.countries] };
  }

  absorb(data: DimensionTallyData): void {
    for (const destination of data.destinations) this.add(destination, null);
    for (const [country, rows] of data.countries) this.add(null, country, rows);
  }

  counts(): DimensionCounts {
    this.settle();
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
