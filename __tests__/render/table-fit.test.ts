import fc from 'fast-check';
import { renderDoc } from '../../src/render';
import type { Doc, Table } from '../../src/render/doc';
import { type ColumnNeed, fitTable, frameWidth } from '../../src/render/table-fit';
import { displayWidth, foldText, shorten, wrapProse } from '../../src/render/text';

const need = (header: number, data: number, wraps = false, headerWord = header): ColumnNeed => ({ header, headerWord, data, wraps });
const barNeed: ColumnNeed = { header: 0, headerWord: 0, data: 20, wraps: false, bar: true };

describe('fitTable', () => {
  // Origin (text, 30 wide), Delegations (3-digit counts), "Avg stay" over 6, "Visitor-nights" over 6, a bar.
  const needs = [need(6, 30, true), need(11, 3), need(8, 6, false, 5), need(14, 6, false, 8), barNeed];
  const naturalWidths = [30, 11, 8, 14, 20];
  const natural = frameWidth(5, 1) + 30 + 11 + 8 + 14 + 20;
  const fitIn = (width: number) => fitTable(needs, width);

  test('without a width, or when it fits, every column has its natural width', () => {
    expect(fitTable(needs, undefined)).toEqual({ kind: 'grid', padding: 1, widths: naturalWidths, bar: true });
    expect(fitIn(natural)).toEqual({ kind: 'grid', padding: 1, widths: naturalWidths, bar: true });
  });

  test('the bar narrows first', () => {
    expect(fitIn(natural - 5)).toEqual({ kind: 'grid', padding: 1, widths: [30, 11, 8, 14, 15], bar: true });
  });

  test('then headers go onto lines between words, the widest first', () => {
    expect(fitIn(natural - 12 - 4)).toEqual({ kind: 'grid', padding: 1, widths: [30, 11, 8, 10, 8], bar: true });
  });

  test('then text wraps, before any header is abbreviated', () => {
    expect(fitIn(natural - 12 - 9 - 5)).toEqual({ kind: 'grid', padding: 1, widths: [24, 11, 6, 8, 8], bar: true });
  });

  test('then headers are abbreviated, then the bar goes, then the padding; numbers keep their width', () => {
    expect(fitIn(frameWidth(5, 1) + 10 + 8 + 6 + 8 + 8)).toEqual({ kind: 'grid', padding: 1, widths: [10, 8, 6, 8, 8], bar: true });
    expect(fitIn(frameWidth(4, 1) + 10 + 4 + 6 + 6)).toEqual({ kind: 'grid', padding: 1, widths: [10, 4, 6, 6, 0], bar: false });
    expect(fitIn(frameWidth(4, 0) + 10 + 4 + 6 + 6)).toEqual({ kind: 'grid', padding: 0, widths: [10, 4, 6, 6, 0], bar: false });
  });

  test('room left after a step goes back to the steps before it', () => {
    // Without the bar, padded: 3 columns to spare go to the abbreviated headers before the text.
    expect(fitIn(frameWidth(4, 1) + 10 + 4 + 6 + 6 + 3)).toEqual({ kind: 'grid', padding: 1, widths: [10, 6, 6, 7, 0], bar: false });
  });

  test('records when even that does not fit', () => {
    expect(fitIn(frameWidth(4, 0) + 10 + 4 + 6 + 6 - 1)).toEqual({ kind: 'records' });
  });

  test('any table: a grid that fits the width, numbers never narrower than their cells, or records', () => {
    const column = fc
      .record({ header: fc.nat(30), word: fc.nat(30), data: fc.nat(40), wraps: fc.boolean() })
      .map(({ header, word, data, wraps }) => need(header, data, wraps, Math.min(header, word)));
    fc.assert(
      fc.property(
        fc.array(column, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        fc.integer({ min: 20, max: 250 }),
        (cols, withBar, width) => {
          const all = withBar ? [...cols, barNeed] : cols;
          const layout = fitTable(all, width);
          if (layout.kind === 'records') {
            expect(
              frameWidth(cols.length, 0) +
                cols.reduce((a, n) => a + Math.max(n.wraps ? Math.min(n.data, 10) : n.data, Math.min(n.headerWord, 4)), 0),
            ).toBeGreaterThan(width);
            return;
          }
          const shown = all.filter((n) => layout.bar || !n.bar).length;
          const widths = layout.widths.filter((_, i) => layout.bar || !all[i].bar);
          expect(frameWidth(shown, layout.padding) + widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(width);
          all.forEach((n, i) => {
            if (!n.wraps && !n.bar) expect(layout.widths[i]).toBeGreaterThanOrEqual(n.data);
            if (!n.bar) expect(layout.widths[i]).toBeLessThanOrEqual(Math.max(n.header, n.data));
          });
        },
      ),
    );
  });
});

describe('text', () => {
  test('display width counts columns: wide characters two, combining marks none', () => {
    expect(displayWidth('Banyuwangi')).toBe(10);
    expect(displayWidth('東京都')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  test('shorten cuts by columns and marks the cut', () => {
    expect(shorten('Kabupaten Banyuwangi', 10)).toBe('Kabupaten…');
    expect(shorten('Delegations', 6, '.')).toBe('Deleg.');
    expect(shorten('東京都庁', 5)).toBe('東京…');
    expect(shorten('short', 10)).toBe('short');
  });

  test('foldText breaks at spaces and after - and /, keeps an indent, cuts only what cannot break', () => {
    expect(foldText('Kementerian/Lembaga Pusat', 12)).toEqual(['Kementerian/', 'Lembaga', 'Pusat']);
    expect(foldText('Visitor-nights', 8, '.')).toEqual(['Visitor-', 'nights']);
    expect(foldText('  of which delegations', 13)).toEqual(['  of which', '  delegations']);
    expect(foldText('Pemkab Tulungagungkidul', 10)).toEqual(['Pemkab', 'Tulungagu…']);
    expect(foldText('22,780 / 39,000 (2017 through 9 Aug 2017 / whole year)', 24)).toEqual([
      '22,780 / 39,000 (2017',
      'through 9 Aug 2017 /',
      'whole year)',
    ]);
    expect(foldText('a - b', 3)).toEqual(['a -', 'b']);
  });

  test('wrapProse breaks at spaces and splits a word longer than the line', () => {
    expect(wrapProse('Rows read 1,287, accepted 1,287, rejected 0', 20)).toEqual(['Rows read 1,287,', 'accepted 1,287,', 'rejected 0']);
    expect(wrapProse('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('renderTable at a width', () => {
  const origins: Table = {
    id: 'origins',
    title: { en: 'Delegations by origin, with a title long enough to be wrapped on a narrow terminal', id: 'x' },
    columns: [
      { key: 'origin', label: { en: 'Origin', id: 'Asal' }, kind: 'text' },
      { key: 'month', label: { en: 'Month', id: 'Bulan' }, kind: 'period' },
      { key: 'delegations', label: { en: 'Delegations', id: 'Delegasi' }, kind: 'int' },
      { key: 'visitors', label: { en: 'Visitors', id: 'Wisatawan' }, kind: 'int' },
      { key: 'mean', label: { en: 'Mean', id: 'Rerata' }, kind: 'decimal' },
      { key: 'share', label: { en: 'Foreign share', id: 'Porsi' }, kind: 'percent' },
      { key: 'nights', label: { en: 'Visitor-nights', id: 'Malam' }, kind: 'int' },
      { key: 'spending', label: { en: 'Estimated spending', id: 'Belanja' }, kind: 'moneyShort' },
    ],
    rows: [
      {
        origin: 'Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung"',
        month: { unit: 'month', year: 2016, month: 3 },
        delegations: 1234567,
        visitors: 98765432,
        mean: 80.25,
        share: -12.5,
        nights: 4321,
        spending: 7_467_219_000_000n,
      },
      {
        origin: '東京都庁 観光部',
        month: { unit: 'month', year: 2016, month: 4 },
        delegations: 2,
        visitors: 140,
        mean: 70,
        share: null,
        nights: null,
        spending: 999_999_999n,
      },
      {
        origin: 'Desa Kutuh',
        month: { unit: 'month', year: 2016, month: 5 },
        delegations: 1,
        visitors: 20,
        mean: 20,
        share: 3,
        nights: 40,
        spending: 0n,
      },
    ],
    notes: [
      {
        en: 'Median and P25/P75/P90: linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC). Std dev: sample (n - 1).',
        id: 'x',
      },
    ],
    bar: 'visitors',
  };
  const doc: Doc = { title: 'Summary', tables: [origins], footer: ['Rows read 3, accepted 3, rejected 0 — 1 file'] };
  const render = (width?: number) => renderDoc('table', { doc, json: null }, { locale: 'en', color: false, width }) as string;
  const numbers = ['1,234,567', '98,765,432', '80.3', '-12.5%', '4,321', '7.47', '140', '1.00'];

  test.each([20, 30, 40, 60, 80, 100, 120, 160])('at %i columns every line fits and every number is whole', (width) => {
    const out = render(width);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    for (const n of numbers) expect(out).toContain(n);
  });

  test('wide enough: one line per row, as without a width', () => {
    const full = render();
    const widest = Math.max(...full.split('\n').map(displayWidth));
    expect(render(widest)).toBe(full);
    expect(full).toContain('Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung"');
  });

  test('narrower: the long origin wraps, whole words on each line', () => {
    const out = render(120);
    expect(out).not.toContain('Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung"');
    const cells = out
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => l.split('│')[1].trim());
    expect(cells.join(' ')).toContain(
      'Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung"'.split(' ').slice(0, 3).join(' ').slice(0, 10),
    );
    for (const cell of cells)
      if (cell)
        expect('Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung" 東京都庁 観光部 Desa Kutuh Origin').toContain(
          cell.replace(/…$/, ''),
        );
  });

  test('too narrow for a grid: one label: value block per row, nothing left out', () => {
    const out = render(40);
    expect(out).not.toContain('┌');
    expect(out).toContain('Delegations:');
    expect(out.match(/^Origin: /gm)).toHaveLength(3);
    expect(out).toContain('Estimated spending: IDR 7.47 trillion');
    expect(out.replace(/\s+/g, ' ')).toContain('Pemerintah Kabupaten Tulungagung, Tim Studi Banding "Smart Kampung"');
  });

  test('notes and the footer wrap at spaces', () => {
    const out = render(60);
    expect(out).toContain('Median and P25/P75/P90: linear interpolation between order\nstatistics');
  });
});
