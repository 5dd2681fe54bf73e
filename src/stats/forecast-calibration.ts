/**
 * Calibration of src/stats/forecast.ts, written by `npm run bench:forecast -- --fit`: do not edit by hand.
 * Fitted on 365 monthly tourism series (Athanasopoulos, Hyndman, Song and Wu, International Journal of Forecasting 27(3), 2011), 4,229 calendar years 1980–1994, each projected at every month end c = 1..11 from the full years before it.
 * The later years of the same series check it (README, Progress: the benchmark).
 * Plain data: forecast.ts holds its types (ErrorRow, SeasonalGrowthParameters) and checks them where it uses it.
 */
/** Decay and growth weight per month end c = 0..11: those with the least MAPE (grid steps 0.1 and 0.05). */
export const SEASONAL_GROWTH = {
  decay: 0.6,
  weights: [0, 0.2, 0.35, 0.45, 0.55, 0.55, 0.6, 0.6, 0.6, 0.6, 0.55, 0.6],
};

/** Seasonal growth: quantiles and mean absolute value of ln(actual / projected) at month end c (0: no month of the year yet). */
export const SEASONAL_GROWTH_ERRORS = [
  { months: 0, low: -0.10388, high: 0.34446, meanAbs: 0.17386 },
  { months: 1, low: -0.11593, high: 0.30569, meanAbs: 0.15248 },
  { months: 2, low: -0.10876, high: 0.25286, meanAbs: 0.13028 },
  { months: 3, low: -0.1064, high: 0.21649, meanAbs: 0.11471 },
  { months: 4, low: -0.10419, high: 0.18287, meanAbs: 0.10136 },
  { months: 5, low: -0.0928, high: 0.16141, meanAbs: 0.08969 },
  { months: 6, low: -0.0886, high: 0.14124, meanAbs: 0.07978 },
  { months: 7, low: -0.08205, high: 0.12654, meanAbs: 0.07132 },
  { months: 8, low: -0.0716, high: 0.10698, meanAbs: 0.0627 },
  { months: 9, low: -0.06544, high: 0.09157, meanAbs: 0.05397 },
  { months: 10, low: -0.04947, high: 0.07239, meanAbs: 0.04196 },
  { months: 11, low: -0.03322, high: 0.04385, meanAbs: 0.02683 },
];

/** The weight of the Holt-Winters rest in the default at month end c = 0..11: the least MAPE (grid step 0.05). */
export const SMOOTHING_WEIGHTS = [0.6, 0.4, 0.3, 0.25, 0.25, 0.25, 0.2, 0.2, 0.15, 0.1, 0.2, 0.15];

/** The default (seasonal growth with Holt-Winters): the same as SEASONAL_GROWTH_ERRORS, over the cases that have the smoothing. */
export const COMBINED_ERRORS = [
  { months: 0, low: -0.11251, high: 0.32708, meanAbs: 0.16548 },
  { months: 1, low: -0.11815, high: 0.2877, meanAbs: 0.14753 },
  { months: 2, low: -0.11294, high: 0.24929, meanAbs: 0.127 },
  { months: 3, low: -0.10496, high: 0.21136, meanAbs: 0.1112 },
  { months: 4, low: -0.1058, high: 0.17792, meanAbs: 0.09739 },
  { months: 5, low: -0.09616, high: 0.15542, meanAbs: 0.08598 },
  { months: 6, low: -0.09451, high: 0.13046, meanAbs: 0.07681 },
  { months: 7, low: -0.08449, high: 0.11778, meanAbs: 0.06899 },
  { months: 8, low: -0.0715, high: 0.10162, meanAbs: 0.06071 },
  { months: 9, low: -0.06542, high: 0.08822, meanAbs: 0.05245 },
  { months: 10, low: -0.05125, high: 0.06754, meanAbs: 0.04072 },
  { months: 11, low: -0.03325, high: 0.04157, meanAbs: 0.02608 },
];

/** Linear: the same at month ends 1..11 (earlier than the end of January, January's row). */
export const LINEAR_ERRORS = [
  { months: 1, low: -0.49514, high: 0.75809, meanAbs: 0.43007 },
  { months: 2, low: -0.46126, high: 0.53509, meanAbs: 0.3539 },
  { months: 3, low: -0.35771, high: 0.38583, meanAbs: 0.26846 },
  { months: 4, low: -0.24416, high: 0.31865, meanAbs: 0.19057 },
  { months: 5, low: -0.14921, high: 0.28234, meanAbs: 0.14257 },
  { months: 6, low: -0.07715, high: 0.24569, meanAbs: 0.12256 },
  { months: 7, low: -0.06566, high: 0.22061, meanAbs: 0.11144 },
  { months: 8, low: -0.0705, high: 0.22828, meanAbs: 0.11399 },
  { months: 9, low: -0.05407, high: 0.24458, meanAbs: 0.11942 },
  { months: 10, low: -0.04369, high: 0.22017, meanAbs: 0.10094 },
  { months: 11, low: -0.03858, high: 0.15721, meanAbs: 0.06787 },
];

/** The benchmark's weight, in backtests, against a series' own errors (coverage 79.9% on the fit years). */
export const HISTORY_PRIOR_WEIGHT = 3;

/** What the tables were fitted on: stated with every interval taken from them. */
export const BENCHMARK = { series: 365, years: 4229, firstYear: 1980, lastYear: 1994 };
