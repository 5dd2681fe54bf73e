'use strict';
/**
 * One bench job in DuckDB (2 threads, the bench machine's cores). Usage: node duckdb-job.js JOB FILE [OUT]
 *
 * - region | month: JSON rows { key, delegations, visitors, mean, median };
 * - origins-top10: the figures of `visitstat summary --group-by origin --top 10` (every statistic of
 *   the ten origins with most visitors, then (other) over all the rest, then the unknown origin),
 *   ranked first on visitors alone as visitstat does, as JSON rows;
 * - origins-copy: every origin's figures, most visitors first, COPY'd to OUT as CSV;
 * - destinations: on an arrivals file, JSON rows { key, domestic, foreign, total } per destination.
 */
const path = require('node:path');
const { DuckDBInstance } = require(path.resolve(__dirname, '..', '..', '.bench', 'node_modules', '@duckdb', 'node-api'));

const [job, file, out] = process.argv.slice(2);
const source = `read_csv('${file.replace(/'/g, "''")}', header = true, quote = '"', escape = '"', all_varchar = true)`;
/** The same dates visitstat reads in the bench files: ISO and day-first. */
const KEY = {
  region: 'provinsi',
  month: `strftime(coalesce(try_strptime(tanggal, '%Y-%m-%d'), try_strptime(tanggal, '%d/%m/%Y')), '%Y-%m')`,
};

/** The statistics visitstat's summary gives a group, under its names. */
const STATS = `count(*) AS delegations, sum(people) AS visitors, avg(people) AS mean,
  quantile_cont(people, 0.5) AS median, quantile_cont(people, 0.25) AS p25, quantile_cont(people, 0.75) AS p75,
  quantile_cont(people, 0.9) AS p90, min(people) AS min, max(people) AS max, stddev_samp(people) AS stdDev,
  sum(people * nights) AS visitorNights, sum(people * nights) / sum(CASE WHEN nights IS NOT NULL THEN people END) AS averageStay,
  coalesce(sum(CASE WHEN nights IS NOT NULL THEN people END), 0) AS visitorsWithNights, count(nights) AS delegationsWithNights`;
/** The rows as visitstat reads them: a blank origin is unknown, a blank stay unknown. */
const ROWS = `SELECT nullif(trim(asal_instansi), '') AS origin, CAST(jumlah_peserta AS BIGINT) AS people,
  TRY_CAST(nullif(trim(lama_menginap), '') AS BIGINT) AS nights FROM ${source}`;

const SQL = {
  region: null,
  month: null,
  'origins-top10': `
    WITH t AS (${ROWS}),
      visitors AS (SELECT origin, sum(people) AS visitors FROM t WHERE origin IS NOT NULL GROUP BY origin),
      top AS (SELECT origin FROM visitors ORDER BY visitors DESC, origin LIMIT 10),
      keyed AS (SELECT CASE WHEN t.origin IS NULL THEN NULL WHEN top.origin IS NOT NULL THEN t.origin ELSE '(other)' END AS origin,
        people, nights FROM t LEFT JOIN top USING (origin))
    SELECT origin, ${STATS} FROM keyed GROUP BY origin`,
  destinations: `
    SELECT destinasi AS key, sum(CASE WHEN jenis = 'wisnus' THEN CAST(jumlah AS BIGINT) END) AS domestic,
      sum(CASE WHEN jenis = 'wisman' THEN CAST(jumlah AS BIGINT) END) AS "foreign", sum(CAST(jumlah AS BIGINT)) AS total
    FROM ${source} GROUP BY destinasi`,
  'origins-copy': `COPY (WITH t AS (${ROWS}) SELECT origin, ${STATS} FROM t GROUP BY origin ORDER BY visitors DESC, origin)
    TO '${(out ?? '').replace(/'/g, "''")}' (HEADER)`,
};

const simple = () => `
  WITH t AS (SELECT ${KEY[job]} AS key, CAST(jumlah_peserta AS BIGINT) AS people FROM ${source})
  SELECT key, count(*) AS delegations, sum(people) AS visitors, avg(people) AS mean, median(people) AS median
  FROM t GROUP BY key`;

(async () => {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await db.connect();
  if (job === 'origins-copy') return void (await connection.run(SQL[job]));
  const reader = await connection.runAndReadAll(SQL[job] ?? simple());
  const rows = reader.getRowObjectsJson();
  const number = (v) => (v === null ? null : Number(v));
  process.stdout.write(
    JSON.stringify(
      rows.map((r) =>
        job === 'destinations'
          ? { key: r.key, domestic: number(r.domestic), foreign: number(r.foreign), total: number(r.total) }
          : job === 'origins-top10'
            ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k === 'origin' ? 'key' : k, k === 'origin' ? v : number(v)]))
            : {
                key: r.key,
                delegations: Number(r.delegations),
                visitors: Number(r.visitors),
                mean: Number(r.mean),
                median: Number(r.median),
              },
      ),
    ),
  );
})();
