/**
 * A summary of every value of one category keeps its groups column by column (figures), and CSV
 * writes them from the arrays: the bytes must be those of the same groups written row by row, in
 * every CSV mode, rows past 2^53 (sums of squares of big sizes) included.
 */
import fc from 'fast-check';
import { groupsTable } from '../../src/commands/summary-view';
import { DelegationSummarizer, type DelegationSummary } from '../../src/model/summary';
import { renderCsv } from '../../src/render/csv';
import type { Doc } from '../../src/render/doc';
import { delegationRow } from '../helpers/rows';
import { propertyRuns } from '../helpers/property';

const rowArb = fc
  .record({
    origin: fc.option(fc.constantFrom('A', 'B, Tim 2', '=SUM(A1)', 'say "hi"', 'Ñusa', 'C'), { freq: 6 }),
    people: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2 ** 31, max: 2 ** 35 })),
    nights: fc.option(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(2 ** 12))),
  })
  .map((values) => delegationRow({ date: { year: 2017, month: 1, day: 1 }, ...values }));

function csvOf(summary: DelegationSummary, machine: boolean, excel: boolean, locale: 'en' | 'id'): Buffer {
  const view = { machine, rowsOnly: machine, locale, excel };
  const doc: Doc = { title: 'x', tables: [groupsTable(summary, null, view, null)] };
  return renderCsv(doc, { excel, locale });
}

describe('CSV of groups given column by column', () => {
  it('is byte for byte the CSV of the same groups given row by row', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), (rows) => {
        const summarizer = new DelegationSummarizer({ groupBy: ['origin'] });
        rows.forEach((r) => summarizer.add(r));
        const summary = summarizer.result();
        expect(summary.figures).toBeDefined();
        // A spread copies the groups (built from the figures when read) and leaves the figures out.
        const byRows: DelegationSummary = { ...summary };
        expect(byRows.figures).toBeUndefined();
        for (const [machine, excel, locale] of [
          [true, false, 'en'],
          [true, true, 'id'],
          [true, true, 'en'],
          [false, false, 'id'],
        ] as const) {
          expect(csvOf(summary, machine, excel, locale)).toEqual(csvOf(byRows, machine, excel, locale));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('keeps no figures when --top leaves values out', () => {
    const summarizer = new DelegationSummarizer({ groupBy: ['origin'], top: 1 });
    for (const origin of ['A', 'B', 'B']) summarizer.add(delegationRow({ date: { year: 2017, month: 1, day: 1 }, origin, people: 5 }));
    expect(summarizer.result().figures).toBeUndefined();
  });
});
