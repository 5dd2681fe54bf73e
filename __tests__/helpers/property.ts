/**
 * How many random cases a property test tries: `full` under `npm test`; a tenth (at least 10) under
 * `npm run test:quick`, which sets QUICK=1 for the edit-test loop.
 */
export function propertyRuns(full: number): number {
  return process.env.QUICK ? Math.max(10, Math.ceil(full / 10)) : full;
}
