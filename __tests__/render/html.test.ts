import { DEFAULT_BANDS } from '../../src/model/bands';
import { computeProgress } from '../../src/model/progress';
import { DailySeries } from '../../src/model/progress-series';
import { type BarChart, type Chart, type ProgressChart, chartFromTable, niceTicks, progressChart } from '../../src/render/charts';
import type { Doc, Table } from '../../src/render/doc';
import { renderHtml } from '../../src/render/html';

const HOSTILE = '<script>alert(1)</script>';
const month = (m: number) => ({ unit: 'month' as const, year: 2017, month: m });

const byMonth: Table = {
  id: 'byMonth',
  title: { id: 'Per bulan', en: 'By month' },
  columns: [
    { key: 'month', label: { id: 'Bulan', en: 'Month' }, kind: 'period' },
    { key: 'visitors', label: { id: 'Pengunjung', en: 'Visitors' }, kind: 'int' },
    { key: 'spending', label: { id: 'Belanja', en: 'Spending' }, kind: 'money' },
  ],
  rows: [
    { month: month(1), visitors: 355_022, spending: 532_533_000_000n },
    { month: month(2), visitors: null, spending: null },
    { month: month(3), visitors: 337_366, spending: 506_049_000_000n },
  ],
};
const origins: Table = {
  id: 'origins',
  title: 'Origins "top"',
  columns: [
    { key: 'origin', label: { id: 'Asal', en: 'Origin' }, kind: 'text' },
    { key: 'visitors', label: { id: 'Pengunjung', en: 'Visitors' }, kind: 'int' },
  ],
  rows: [{ origin: HOSTILE, visitors: 70 }],
};
const empty: Table = { id: 'empty', title: 'Nothing', columns: byMonth.columns, rows: [] };

const doc: Doc = {
  title: { id: 'Laporan & ringkasan', en: 'Report & summary' },
  tables: [byMonth, origins, empty],
  notes: [{ id: 'Catatan', en: 'A note' }],
  footer: ['Rows read: 3, accepted: 3, rejected: 0'],
};

const bars: BarChart = {
  id: 'visitors',
  title: { id: 'Pengunjung', en: 'Visitors' },
  after: 'byMonth',
  kind: 'bars',
  categories: [month(1), month(2), month(3)],
  series: [{ name: 'Visitors', values: [355_022, null, 337_366] }],
};
const grouped: BarChart = {
  id: 'origins-chart',
  title: HOSTILE,
  after: 'origins',
  kind: 'groupedBars',
  categories: [HOSTILE, 'Kulon Progo'],
  series: [
    { name: 'A', values: [1, 2] },
    { name: 'B', values: [3, 0] },
  ],
};
const progress: ProgressChart = {
  id: 'progress',
  title: 'Progress',
  kind: 'progress',
  target: 50_000,
  targetLabel: 'Target',
  figures: [
    { name: 'Actual', value: 30_000, role: 'actual' },
    { name: 'Expected', value: 30_274, role: 'expected' },
    { name: 'Seasonal', value: null, role: 'expected' },
    { name: 'Projected', value: 49_548, role: 'projection' },
  ],
};
const charts: Chart[] = [bars, grouped, progress];

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe.each(['id', 'en'] as const)('renderHtml (%s)', (locale) => {
  const html = renderHtml(doc, charts, locale);

  it('is self-contained: no script, no address, no import, no url()', () => {
    for (const banned of ['http', 'src=', '@import', 'url(', '<script', '<link', 'href=']) {
      expect(html.toLowerCase()).not.toContain(banned);
    }
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(id|en)">/);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('prints on A4', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
  });

  it('escapes text from the data, in cells, titles, categories and tooltips', () => {
    expect(count(html, HOSTILE)).toBe(0);
    // The table cell, the chart caption, its svg title, and the category tick.
    expect(count(html, '&#60;script&#62;alert(1)&#60;/script&#62;')).toBeGreaterThanOrEqual(4);
    expect(html).toContain('Origins &#34;top&#34;');
    expect(html).toContain(locale === 'id' ? 'Laporan &#38; ringkasan' : 'Report &#38; summary');
  });

  it('draws one mark per non-null value', () => {
    const marksIn = (id: string) => {
      const start = html.indexOf(`id="chart-${id}"`);
      return count(html.slice(start, html.indexOf('</figure>', start)), 'class="mark ');
    };
    expect(marksIn('visitors')).toBe(2);
    expect(marksIn('origins-chart')).toBe(4);
    expect(marksIn('progress')).toBe(3);
    expect(html).toContain('data-value="355022"');
    expect(html).toContain('data-value="0"');
  });

  it('places a chart after its table, and unplaced charts in a last section', () => {
    const at = (s: string) => html.indexOf(s);
    expect(at('id="table-byMonth"')).toBeLessThan(at('id="chart-visitors"'));
    expect(at('id="chart-visitors"')).toBeLessThan(at('id="table-origins"'));
    expect(at('id="table-origins"')).toBeLessThan(at('id="chart-origins-chart"'));
    expect(at('id="table-empty"')).toBeLessThan(at('id="chart-progress"'));
    expect(at('<section class="charts">')).toBeLessThan(at('id="chart-progress"'));
  });

  it('formats cells and axis numbers in the locale, - for missing, and says when a table is empty', () => {
    const [big, money, noData] =
      locale === 'id' ? ['355.022', 'Rp532.533.000.000', 'Tidak ada data'] : ['355,022', 'IDR 532,533,000,000', 'No data'];
    expect(html).toContain(`<td class="num">${big}</td>`);
    expect(html).toContain(`<td class="num">${money}</td>`);
    expect(html).toContain('<td class="num">-</td>');
    expect(html).toContain(`<p class="empty">${noData}</p>`);
    // Visitors axis: 0 to 400,000 at steps of 100,000; progress axis to 50,000.
    expect(html).toContain(`>${locale === 'id' ? '400.000' : '400,000'}</text>`);
    expect(html).toContain(`Target: ${locale === 'id' ? '50.000' : '50,000'}`);
  });

  it('labels charts for screen readers and names months shortly on the axis', () => {
    expect(html).toContain('role="img" aria-labelledby="visitors-title visitors-desc"');
    expect(html).toContain('<title id="visitors-title">');
    expect(html).toContain('>Feb</text>');
    expect(count(html, '>2017</text>')).toBe(1);
    expect(html).toContain(locale === 'id' ? 'Maret 2017, Visitors: 337.366' : 'Mar 2017, Visitors: 337,366');
  });
});

it('writes the year under the first month and where the year changes', () => {
  const chart: BarChart = {
    ...bars,
    categories: [month(12), { unit: 'month', year: 2018, month: 1 }, { unit: 'month', year: 2018, month: 2 }],
  };
  const html = renderHtml({ title: 't', tables: [] }, [chart], 'en');
  expect(html.match(/>(\d{4})<\/text>/g)).toEqual(['>2017</text>', '>2018</text>']);
});

it('cuts a category name that would overlap its neighbours, keeping it whole in the tooltip', () => {
  const name = 'Pemerintah Kabupaten Kulon Progo, Daerah Istimewa Yogyakarta';
  const chart: BarChart = {
    ...bars,
    categories: Array.from({ length: 10 }, (_, i) => `${name} ${i}`),
    series: [{ name: 'v', values: Array(10).fill(1) }],
  };
  const html = renderHtml({ title: 't', tables: [] }, [chart], 'en');
  // Ten bars share about 680 px: a label has room for about 9 characters of 7 px.
  const ticks = [...html.matchAll(/class="category" text-anchor="middle">([^<]*)</g)].map((m) => m[1]);
  expect(ticks).toHaveLength(10);
  for (const tick of ticks) expect(tick).toMatch(/^Pemerin.{0,2}…$/);
  expect(html).toContain(`<title>${name} 0, v: 1</title>`);
});

describe('the printed page', () => {
  const hostile = 'Dinas "Pariwisata"; } body { display: none } </style><script>alert(1)</script> url(x)';
  const page = (locale: 'id' | 'en') =>
    renderHtml({ title: 'Laporan 2018', office: hostile, generated: { year: 2018, month: 8, day: 10 }, tables: [] }, [], locale);

  it('names the office above the title, escaped', () => {
    expect(page('en')).toContain('<header><p class="office">Dinas &#34;Pariwisata&#34;; } body { display: none } &#60;/style&#62;');
  });

  it('puts office, title, the day made and page k of n in the page footer, as CSS escapes that cannot end the rule or the style', () => {
    const style = page('id').split('<style>')[1].split('</style>')[0];
    const footer = style.slice(style.indexOf('@page'));
    expect(footer).toContain('@bottom-left { content: "Dinas \\22 Pariwisata\\22 \\3b  \\7d  body ');
    expect(footer).toContain('@bottom-right { content: "Dibuat 10 Agustus 2018 \\b7  Halaman " counter(page) " dari " counter(pages);');
    expect(page('en')).toContain('"Generated 10 August 2018 \\b7  Page " counter(page) " of " counter(pages)');
    for (const banned of ['</style><script', 'url(', 'display: none }']) expect(style).not.toContain(banned);
  });

  it('keeps a table that fits a page whole, and a longer one whole in its first and last 3 rows', () => {
    const table = (n: number): Table => ({
      id: `t${n}`,
      columns: [{ key: 'v', label: 'v', kind: 'int' }],
      rows: Array.from({ length: n }, (_, i) => ({ v: i })),
      notes: ['a note'],
    });
    const html = renderHtml({ title: 't', tables: [table(25), table(26)] }, [], 'en');
    expect(html).toContain('<section id="table-t25" class="keep">');
    expect(html).toContain('<section id="table-t26">');
    const bodies = [...html.split('<section id="table-t26">')[1].matchAll(/<tbody( class="keep")?>([\s\S]*?)<\/tbody>/g)];
    expect(bodies.map((b) => [b[1] ?? '', (b[2].match(/<tr>/g) ?? []).length])).toEqual([
      [' class="keep"', 3],
      ['', 20],
      [' class="keep"', 3],
    ]);
    expect(html).toContain('<div class="notes"><p class="note">a note</p></div>');
  });
});

describe('niceTicks', () => {
  it.each([
    // A fifth of the range is 113,107: the next step of 1, 2 or 5 x 10^k is 200,000.
    [0, 565_533, [0, 200_000, 400_000, 600_000]],
    [0, 50_000, [0, 10_000, 20_000, 30_000, 40_000, 50_000]],
    [0, 7, [0, 2, 4, 6, 8]],
    [-12, 30, [-20, -10, 0, 10, 20, 30]],
    [0, 0, [0, 1]],
    [0, 0.3, [0, 0.1, 0.2, 0.3]],
  ])('%p..%p', (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });
});

describe('chart builders', () => {
  it('chartFromTable takes categories from a period column and numbers (bigint too) from value columns', () => {
    const chart = chartFromTable(byMonth, { kind: 'groupedBars', category: 'month', values: ['spending', 'visitors'] });
    expect(chart).toMatchObject({ id: 'byMonth-chart', after: 'byMonth', kind: 'groupedBars', valueKind: 'moneyShort' });
    expect(chart.categories).toEqual([month(1), month(2), month(3)]);
    expect(chart.series.map((s) => s.values)).toEqual([
      [532_533_000_000, null, 506_049_000_000],
      [355_022, null, 337_366],
    ]);
    expect(() => chartFromTable(byMonth, { kind: 'bars', category: 'month', values: ['nope'] })).toThrow(/no column nope/);
  });

  it('money axis uses the short rupiah form', () => {
    const chart = chartFromTable(byMonth, { kind: 'bars', category: 'month', values: ['spending'] });
    const html = renderHtml({ title: 't', tables: [byMonth] }, [chart], 'id');
    expect(html).toContain('>Rp600,00 miliar</text>');
  });

  it('progressChart carries the computed figures, and no mark for an unavailable seasonal one', () => {
    const s = new DailySeries();
    s.add({ year: 2018, month: 1, day: 15 }, 10_000);
    s.add({ year: 2018, month: 5, day: 20 }, 12_000);
    s.add({ year: 2018, month: 8, day: 9 }, 8_000);
    const p = computeProgress({ series: s, metric: 'visitors', target: 50_000, year: 2018, bands: DEFAULT_BANDS });
    const chart = progressChart(p);
    // As of 9 August 2018 (day 221 of 365): actual 30,000; expected 50,000 x 221 / 365.
    expect(chart.target).toBe(50_000);
    expect(chart.figures.map((f) => [f.role, f.value])).toEqual([
      ['actual', 30_000],
      ['expected', (50_000 * 221) / 365],
      ['expected', null],
      ['projection', (30_000 * 365) / 221],
      ['projection', null],
      ['projection', p.projected],
    ]);
    // The default projection (linear here: no year before) carries its 80% interval as a whisker.
    expect(chart.figures[5].interval).toMatchObject({ low: p.projectedLow, high: p.projectedHigh });
    const html = renderHtml({ title: 't', tables: [] }, [chart], 'en');
    expect(count(html, 'class="mark ')).toBe(4);
    expect(count(html, 'class="whisker"')).toBe(1);
    expect(html).toContain(`data-low="${p.projectedLow}" data-high="${p.projectedHigh}"`);
    expect(html).toContain('<span class="swatch whisker"></span>80% interval');
    expect(html).toContain('2018 target: 50,000');
  });
});
