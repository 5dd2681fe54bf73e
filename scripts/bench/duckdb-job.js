'use strict';
/**
 * One bench job in DuckDB (2 threads, the bench machine's cores), printed as JSON rows
 * { key, delegations, visitors, mean, median }. Usage: node duckdb-job.js region|month FILE
 */
const path = require('node:path');
const { DuckDBInstance } = require(path.resolve(__dirname, '..', '..', '.bench', 'node_modules', '@duckdb', 'node-api'));

const [job, file] = process.argv.slice(2);
const source = `read_csv('${file.replace(/'/g, "''")}', header = true, quote = '"', escape = '"', all_varchar = true)`;
/** The same dates visitstat reads in the bench files: ISO and day-first. */
const KEY = {
  region: 'provinsi',
  month: `strftime(coalesce(try_strptime(tanggal, '%Y-%m-%d'), try_strptime(tanggal, '%d/%m/%Y')), '%Y-%m')`,
};

const sql = `
  WITH t AS (SELECT ${KEY[job]} AS key, CAST(jumlah_peserta AS BIGINT) AS people FROM ${source})
  SELECT key, count(*) AS delegations, sum(people) AS visitors, avg(people) AS mean, median(people) AS median
  FROM t GROUP BY key`;

(async () => {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson();
  process.stdout.write(
    JSON.stringify(
      rows.map((r) => ({
        key: r.key,
        delegations: Number(r.delegations),
        visitors: Number(r.visitors),
        mean: Number(r.mean),
        median: Number(r.median),
      })),
    ),
  );
})();
