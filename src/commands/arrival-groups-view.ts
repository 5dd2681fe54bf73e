/**
 * How arrivals by destination and by country are shown (summary's groups table, the report's top
 * destinations and source markets), and the notes that say where the arrivals figures came from: how
 * many destinations were added up, and how breakdowns of the same arrivals compare with the counted
 * figures.
 */
import type { ArrivalSources } from '../model/arrival-figures';
import { type ArrivalDim, dimsOf } from '../model/arrival-key';
import type { Period } from '../model/period';
import type { Segment } from '../model/records';
import { isOther } from '../model/summary';
import type { ArrivalUnit, GrowthRatios } from '../model/summary-arrivals';
import type { ArrivalGroup, ArrivalGroups, CountryLabel } from '../model/summary-breakdown';
import { GROWTH_NAMES, sentenceCase } from '../render/glossary';
import {
  type Cell,
  type Column,
  type Label,
  type Locale,
  type Row,
  type Table,
  bilingual,
  formatInt,
  formatPeriod,
  label,
} from '../render';
import type { Ratio } from '../stats/exact';
import type { ViewSettings } from './shared';
import { coveredJson, partialNotes } from './coverage-view';

const UNKNOWN = { en: '(unknown)', id: '(tidak diketahui)' };
const OTHER_TEXT = { en: '(other)', id: '(lainnya)' };

export const DIM_LABELS: Record<ArrivalDim, Label> = {
  destination: { en: 'Destination', id: 'Destinasi' },
  country: { en: 'Country', id: 'Negara asal' },
};
const DIM_PLURALS: Record<ArrivalDim, Label> = {
  destination: { en: 'destinations', id: 'destinasi' },
  country: { en: 'countries', id: 'negara' },
};
const UNIT_LABELS: Record<ArrivalUnit, Label> = {
  month: { en: 'Month', id: 'Bulan' },
  quarter: { en: 'Quarter', id: 'Triwulan' },
  year: { en: 'Year', id: 'Tahun' },
};
/** A growth column: the glossary's name, in sentence case. */
const growthLabel = (unit: ArrivalUnit | 'yoy'): Label => ({ en: GROWTH_NAMES[unit].en, id: sentenceCase(GROWTH_NAMES[unit].id) });

/** A country's name in the reader's language (English for programs), or a name no country has as written. */
export function countryName(c: CountryLabel, locale: Locale): string {
  return 'code' in c ? c[locale] : c.name;
}

/** Columns: the dimensions as given, then the figures; a view by country counts foreign arrivals only. */
function groupColumns(groups: ArrivalGroups, machine: boolean): Column[] {
  const pct = (key: string, lbl: Label): Column => ({ key, label: lbl, kind: 'percent', decimals: machine ? 2 : 1 });
  const columns: Column[] = [];
  for (const d of groups.order) {
    if (d === 'destination' || d === 'country') {
      columns.push({ key: d, label: DIM_LABELS[d], kind: 'text' });
      if (d === 'country' && machine) columns.push({ key: 'countryCode', label: 'countryCode', kind: 'text' });
    } else columns.push({ key: 'period', label: UNIT_LABELS[d], kind: 'period' });
  }
  const foreignOnly = groups.measure === 'foreign';
  if (machine || !foreignOnly) columns.push({ key: 'domestic', label: { en: 'Domestic', id: 'Nusantara' }, kind: 'int' });
  columns.push({ key: 'foreign', label: { en: 'Foreign', id: 'Mancanegara' }, kind: 'int' });
  if (machine || !foreignOnly) columns.push({ key: 'total', label: { en: 'Total', id: 'Total' }, kind: 'int' });
  columns.push(pct('sharePct', { en: 'Share', id: 'Porsi' }));
  if (groups.unit === null) return columns;
  if (machine) {
    for (const seg of ['domestic', 'foreign', 'total'] as const) columns.push(pct(`${seg}GrowthPct`, `${seg}GrowthPct`));
    for (const seg of ['domestic', 'foreign', 'total'] as const) columns.push(pct(`${seg}YoyGrowthPct`, `${seg}YoyGrowthPct`));
    columns.push({ key: 'partial', label: 'partial', kind: 'text' });
    return columns;
  }
  const measure: Label = foreignOnly ? { en: 'foreign', id: 'mancanegara' } : { en: 'total', id: 'total' };
  const named = (prefix: Label) => bilingual((l) => `${label(prefix, l)} ${label(measure, l)}`);
  columns.push(pct(`${groups.measure}GrowthPct`, named(growthLabel(groups.unit))));
  if (groups.unit !== 'year') columns.push(pct(`${groups.measure}YoyGrowthPct`, named(growthLabel('yoy'))));
  return columns;
}

/** JSON's percentages: the ratio's double, times 100 (as the summary's periods). */
const percentOf = (ratio: Ratio | null): number | null => (ratio === null ? null : ratio.toNumber() * 100);
const exactPercent = (ratio: Ratio | null): Ratio | null => (ratio === null ? null : ratio.times(100));

/** A group's figures under their documented names (JSON fields, CSV columns). */
export function arrivalGroupJson(group: ArrivalGroup, locale: Locale | 'machine' = 'machine') {
  const { key } = group;
  const words = locale === 'machine' ? 'en' : locale;
  const text = (value: unknown, name: (v: never) => string): Cell =>
    isOther(value)
      ? label(OTHER_TEXT, words)
      : value === null
        ? locale === 'machine'
          ? null
          : label(UNKNOWN, words)
        : name(value as never);
  return {
    ...(key.destination !== undefined ? { destination: text(key.destination, (v: string) => v) } : {}),
    ...(key.country !== undefined
      ? {
          country: text(key.country, (v: CountryLabel) => countryName(v, words)),
          countryCode: key.country !== null && !isOther(key.country) && 'code' in key.country ? key.country.code : null,
        }
      : {}),
    ...(key.period !== undefined ? { period: key.period } : {}),
    domestic: group.domestic,
    foreign: group.foreign,
    total: group.total,
    sharePct: percentOf(group.share),
    ...(group.previousGrowth
      ? {
          domesticGrowthPct: percentOf(group.previousGrowth.domestic),
          foreignGrowthPct: percentOf(group.previousGrowth.foreign),
          totalGrowthPct: percentOf(group.previousGrowth.total),
          domesticYoyGrowthPct: percentOf(group.yearOnYearGrowth!.domestic),
          foreignYoyGrowthPct: percentOf(group.yearOnYearGrowth!.foreign),
          totalYoyGrowthPct: percentOf(group.yearOnYearGrowth!.total),
          ...coveredJson(group.coverage),
          growthBasis: group.previousBasis ?? null,
          yoyGrowthBasis: group.yearOnYearBasis ?? null,
        }
      : {}),
  };
}

/** A group's row as tables, Markdown and CSV show it: the same fields, percentages exact (rounded where printed). */
export function arrivalGroupCells(group: ArrivalGroup, locale: Locale | 'machine'): Row {
  const growth = (g: GrowthRatios | null, seg: 'domestic' | 'foreign' | 'total') => exactPercent(g?.[seg] ?? null);
  const { partial: _, ...json } = arrivalGroupJson(group, locale);
  return {
    ...(json as Row),
    ...(group.key.period && group.coverage?.partial ? { period: { period: group.key.period, covered: group.coverage.ranges } } : {}),
    ...(group.key.period ? { partial: String(group.coverage?.partial ?? false) } : {}),
    sharePct: exactPercent(group.share),
    ...(group.previousGrowth
      ? {
          domesticGrowthPct: growth(group.previousGrowth, 'domestic'),
          foreignGrowthPct: growth(group.previousGrowth, 'foreign'),
          totalGrowthPct: growth(group.previousGrowth, 'total'),
          domesticYoyGrowthPct: growth(group.yearOnYearGrowth, 'domestic'),
          foreignYoyGrowthPct: growth(group.yearOnYearGrowth, 'foreign'),
          totalYoyGrowthPct: growth(group.yearOnYearGrowth, 'total'),
        }
      : {}),
  };
}

/** The `arrivals.groups` JSON: the groups and what shaped them. */
export function arrivalGroupsJson(groups: ArrivalGroups) {
  return {
    dims: groups.dims,
    unit: groups.unit,
    measure: groups.measure,
    values: groups.values,
    otherValues: groups.otherValues,
    groups: groups.groups.map((g) => arrivalGroupJson(g)),
  };
}

/** One row per group: its dimensions, domestic, foreign, total, share of the whole and growth. */
export function arrivalGroupsTable(groups: ArrivalGroups, view: ViewSettings, sources: ArrivalSources | null = null, title?: Label): Table {
  const words = view.machine ? 'machine' : view.locale;
  const dimsText = (l: Locale) =>
    groups.order.map((d) => label(d === 'destination' || d === 'country' ? DIM_LABELS[d] : UNIT_LABELS[d], l).toLowerCase()).join(' × ');
  return {
    id: 'arrivalGroups',
    title:
      title ??
      bilingual((l) =>
        l === 'en'
          ? `${groups.measure === 'foreign' ? 'Foreign arrivals' : 'Tourist arrivals'} by ${dimsText(l)}`
          : `${groups.measure === 'foreign' ? 'Kunjungan wisatawan mancanegara' : 'Kunjungan wisatawan'} per ${dimsText(l)}`,
      ),
    columns: groupColumns(groups, view.machine),
    rows: groups.groups.map((g) => arrivalGroupCells(g, words)),
    notes: view.machine ? [] : [...groupNotes(groups), ...breakdownNotes(sources)],
    bar: groups.measure,
  };
}

function groupNotes(groups: ArrivalGroups): Label[] {
  const notes: Label[] = [];
  const per = groups.unit === null ? '' : ' of the same period';
  const perId = groups.unit === null ? '' : ' pada periode yang sama';
  notes.push(
    groups.measure === 'foreign'
      ? {
          en: `Country of residence describes foreign arrivals: figures by country are foreign arrivals. Share: of the foreign arrivals of all countries${per}.`,
          id: `Negara asal menerangkan wisatawan mancanegara: angka per negara adalah kunjungan mancanegara. Porsi: dari kunjungan mancanegara semua negara${perId}.`,
        }
      : {
          en: `Share: of the total arrivals of all destinations${per}. A destination's figures are counted at it: a visitor of two destinations counts at each.`,
          id: `Porsi: dari total kunjungan semua destinasi${perId}. Angka destinasi dihitung di destinasi itu: wisatawan yang mengunjungi dua destinasi dihitung di keduanya.`,
        },
  );
  if (groups.unit !== null) {
    notes.push({
      en: 'A dash means no figure in the data (never taken as 0); growth is a dash when the earlier period is not in the data or is 0.',
      id: 'Tanda - berarti tidak ada angka di data (tidak dianggap 0); pertumbuhan bertanda - bila periode pembanding tidak ada di data atau 0.',
    });
    notes.push(...partialNotes(groups.groups.some((g) => g.coverage?.partial)));
    if (groups.groups.some((g) => g.previousBasis === 'partial' || g.yearOnYearBasis === 'partial')) {
      notes.push({
        en: 'Growth is a dash too where the two periods are covered differently (one in part): only like is compared with like.',
        id: 'Pertumbuhan juga bertanda - bila kedua periode tercakup berbeda (salah satunya sebagian): hanya yang sebanding yang dibandingkan.',
      });
    }
  }
  for (const [dim, merged] of Object.entries(groups.otherValues) as [ArrivalDim, number][]) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `(other): ${formatInt(merged, l)} ${label(DIM_PLURALS[dim], l)} outside the top by arrivals, merged.`
          : `(lainnya): ${formatInt(merged, l)} ${label(DIM_PLURALS[dim], l)} di luar peringkat teratas menurut kunjungan, digabung.`,
      ),
    );
  }
  const unknownNames = groups.groups.filter((g) => g.key.country != null && !isOther(g.key.country) && !('code' in g.key.country));
  const names = [...new Set(unknownNames.map((g) => (g.key.country as { name: string }).name))];
  if (names.length > 0) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `${formatInt(names.length, l)} ${names.length === 1 ? 'name' : 'names'} no country has, kept as written: ${names.map((n) => JSON.stringify(n)).join(', ')}.`
          : `${formatInt(names.length, l)} nama yang bukan nama negara, ditulis apa adanya: ${names.map((n) => JSON.stringify(n)).join(', ')}.`,
      ),
    );
  }
  if (groups.annualOnly > 0) {
    notes.push({
      en: 'Annual figures cannot be shown by month or quarter: --group-by year shows them.',
      id: 'Angka tahunan tidak dapat ditampilkan per bulan atau triwulan: --group-by year menampilkannya.',
    });
  }
  if (groups.annualOverlapped > 0) {
    notes.push({
      en: 'Annual figures of a year whose finer figures are in the data are left out: the finer figures count.',
      id: 'Angka tahunan suatu tahun yang angka rincinya ada di data tidak dipakai: angka rinci yang dihitung.',
    });
  }
  return notes;
}

/** `by destination`, `by country`, `by destination and country`, `as totals`. */
function breakdownName(dims: ArrivalDim[], l: Locale): string {
  if (dims.length === 0) return l === 'en' ? 'totals' : 'angka total';
  const names = dims.map((d) => label(DIM_LABELS[d], l).toLowerCase());
  return l === 'en' ? `by ${names.join(' and ')}` : `per ${names.join(' dan ')}`;
}

const SEGMENT_NAMES: Record<Segment, Label> = {
  domestic: { en: 'domestic', id: 'nusantara' },
  foreign: { en: 'foreign', id: 'mancanegara' },
};

/**
 * Where the arrivals figures came from, for the notes under the totals: the destinations (countries)
 * added up, and breakdowns of the same arrivals, never added to the totals, with how they compare.
 */
export function sourcesNotes(sources: ArrivalSources | null, shown = 3): Label[] {
  if (sources === null || sources.breakdowns.length === 0) return [];
  return [...addedUpNotes(sources), ...breakdownNotes(sources, shown)];
}

/** How many destinations (or countries) the totals add up. */
function addedUpNotes(sources: ArrivalSources): Label[] {
  const notes: Label[] = [];
  const n = (v: number, l: Locale) => formatInt(v, l);
  const from = sources.totalsFrom;
  // With a file of totals for some months, the breakdowns are added up only for the others.
  const where = (l: Locale) =>
    from.some((dims) => dims.length === 0) ? (l === 'en' ? ' where no file gives the totals' : ' bila tidak ada berkas angka total') : '';
  if (from.some((dims) => dims.includes('destination'))) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `The arrivals of ${n(sources.destinations, l)} ${sources.destinations === 1 ? 'destination' : 'destinations'} are added up per period${where(l)}.`
          : `Kunjungan ${n(sources.destinations, l)} destinasi dijumlahkan per periode${where(l)}.`,
      ),
    );
  } else if (from.some((dims) => dims.includes('country'))) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `The foreign arrivals of ${n(sources.countries, l)} ${sources.countries === 1 ? 'country' : 'countries'} are added up per period${where(l)}.`
          : `Kunjungan mancanegara dari ${n(sources.countries, l)} negara dijumlahkan per periode${where(l)}.`,
      ),
    );
  }
  return notes;
}

/** Breakdowns of the same arrivals besides the counted figures, and where they differ from them. */
export function breakdownNotes(sources: ArrivalSources | null, shown = 3): Label[] {
  if (sources === null) return [];
  const notes: Label[] = [];
  const n = (v: number, l: Locale) => formatInt(v, l);
  const from = sources.totalsFrom;
  const others = sources.breakdowns.filter((dims) => !from.some((f) => f.join() === dims.join()));
  if (others.length > 0) {
    const list = (l: Locale) => others.map((dims) => breakdownName(dims, l)).join(l === 'en' ? ' and ' : ' dan ');
    const counted = (l: Locale) =>
      from
        .map((dims) =>
          dims.length === 0
            ? l === 'en'
              ? 'the totals'
              : 'angka total'
            : `${l === 'en' ? 'the figures' : 'angka'} ${breakdownName(dims, l)}`,
        )
        .join(l === 'en' ? ' or ' : ' atau ');
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `The figures ${list(l)} are breakdowns of the same arrivals: ${counted(l)} count, and the breakdowns are checked against them, never added to them.`
          : `Angka ${list(l)} adalah rincian kunjungan yang sama: yang dihitung ${counted(l)}; rinciannya dicocokkan dengannya, tidak ditambahkan.`,
      ),
    );
  }
  const diffs = sources.differences;
  if (others.length > 0 && diffs.length === 0) {
    notes.push({
      en: 'They agree with the counted figures in every period.',
      id: 'Angkanya sama dengan angka yang dihitung di setiap periode.',
    });
  }
  if (diffs.length > 0) {
    const when = (d: (typeof diffs)[number], l: Locale) =>
      d.month === null ? String(d.year) : formatPeriod({ unit: 'month', year: d.year, month: d.month } as Period, l);
    const items = (l: Locale) =>
      diffs
        .slice(0, shown)
        .map(
          (d) =>
            `${when(d, l)} ${label(SEGMENT_NAMES[d.segment], l)}: ${breakdownName(dimsOf(d.other.breakdown), l)} ` +
            `${n(d.other.sum, l)}, ${l === 'en' ? 'counted' : 'dihitung'} ${n(d.counted.sum, l)}`,
        )
        .join('; ');
    const more = (l: Locale) =>
      diffs.length > shown ? (l === 'en' ? `; and ${n(diffs.length - shown, l)} more` : `; dan ${n(diffs.length - shown, l)} lagi`) : '';
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `Breakdowns that differ from the counted figures (${n(diffs.length, l)}): ${items(l)}${more(l)}.`
          : `Rincian yang berbeda dari angka yang dihitung (${n(diffs.length, l)}): ${items(l)}${more(l)}.`,
      ),
    );
  }
  return notes;
}
