/**
 * A column declared once: a test-only `island` field, declared in the one table of fields
 * (src/model/fields.ts) and nowhere else, is matched by its header, read, numbered by the scanner,
 * taken by the straight path in batches, and grouped by through `visitstat summary` (run in process,
 * so that the declaration reaches every module that derives from the table).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli';
import { readInputs } from '../../src/ingest/inputs';
import type { DelegationBatch } from '../../src/model/records';

jest.mock('../../src/model/fields', () => {
  const actual = jest.requireActual<typeof import('../../src/model/fields')>('../../src/model/fields');
  const island = {
    name: 'island',
    kind: 'text',
    files: ['delegations'],
    aliases: ['island', 'pulau'],
    groupBy: { en: 'Island', id: 'Pulau' },
  };
  return { ...actual, FIELDS: [...actual.FIELDS, island] };
});

const COUNTRIES = ['Malaysia', 'Singapura', 'Jepang', ''];
const dir = mkdtempSync(join(tmpdir(), 'visitstat-column-'));
const file = join(dir, 'delegations.csv');
const rows = Array.from({ length: 3000 }, (_, i) => ({ month: (i % 12) + 1, people: 10 + (i % 7), country: COUNTRIES[(i % 5) % 4] }));
writeFileSync(
  file,
  [
    'tanggal,jumlah_peserta,Pulau,provinsi',
    ...rows.map((r) => `2017-${String(r.month).padStart(2, '0')}-15,${r.people},${r.country},Bali`),
  ].join('\n') + '\n',
);

/** `visitstat summary ARGS file` as JSON, through the whole program. */
async function summary(...args: string[]): Promise<{ delegations: { groups: Record<string, unknown>[] } }> {
  const out = join(dir, `out-${args.join('-')}.json`);
  expect(await run(['node', 'visitstat', 'summary', ...args, '--format', 'json', '-o', out, file])).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const visitorsOf = (country: string) => rows.filter((r) => r.country === country).reduce((n, r) => n + r.people, 0);

test('--group-by island: one group per island, most visitors first, then the unknown', async () => {
  const { delegations } = await summary('--group-by', 'island');
  const expected = ['Malaysia', 'Singapura', 'Jepang']
    .map((c) => ({ island: c, visitors: visitorsOf(c) }))
    .sort((a, b) => b.visitors - a.visitors);
  expect(delegations.groups.map((g) => ({ island: g.island, visitors: g.visitors }))).toEqual([
    ...expected,
    { island: null, visitors: visitorsOf('') },
  ]);
});

test('crossed with a period, and with --top', async () => {
  const crossed = await summary('--group-by', 'month,island');
  const pairs = new Set(rows.map((r) => `2017-${String(r.month).padStart(2, '0')} ${r.country || null}`));
  expect(new Set(crossed.delegations.groups.map((g) => `${g.month} ${g.island}`))).toEqual(pairs);
  const top = await summary('--group-by', 'island', '--top', '1');
  expect(top.delegations.groups.map((g) => g.island)).toEqual(['Malaysia', null, { other: true }]);
});

test('the scanner numbers it and the straight path takes it, in batches', async () => {
  let coded = 0;
  let taken = 0;
  const sink = {
    delegation() {},
    arrival() {},
    delegationBatch(batch: DelegationBatch) {
      const codes = (batch.codes as unknown as Record<string, Int32Array>).island;
      for (let i = 0; i < batch.length; i++) if (codes[i] >= 0) coded++;
      taken += batch.length;
    },
  };
  const fields = new Set(['island']) as unknown as Set<'origin'>;
  await readInputs([file], {
    options: { map: {}, dateFormat: 'dmy', fields },
    sink,
    policy: { skipInvalid: false },
    diagnostics: () => {},
  });
  expect(taken).toBe(3000);
  expect(coded).toBeGreaterThan(3000 - 16 - 4);
});
