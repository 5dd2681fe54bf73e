/** Plausible values: each bound, its edge, and the words that name the value and the bound. */
import { DEFAULT_PLAUSIBLE, implausibleChange, implausibleNights, implausiblePeople } from '../../src/model/plausible';

const bounds = DEFAULT_PLAUSIBLE;

describe('plausible values', () => {
  it('a delegation of 1 to 1,000 people', () => {
    expect(implausiblePeople(1, bounds)).toBeNull();
    expect(implausiblePeople(1000, bounds)).toBeNull();
    expect(implausiblePeople(0, bounds)).toBe('0 people, fewer than plausible.minPeople (1)');
    expect(implausiblePeople(1001, bounds)).toBe('1,001 people, more than plausible.maxPeople (1,000)');
    expect(implausiblePeople(1001, { ...bounds, maxPeople: 5000 })).toBeNull();
  });

  it('at most 30 nights', () => {
    expect(implausibleNights(30, bounds)).toBeNull();
    expect(implausibleNights(31, bounds)).toBe('31 nights, more than plausible.maxNights (30)');
  });

  it('a month within 5x and 1/5 of the month before', () => {
    expect(implausibleChange(500, 100, bounds)).toBeNull();
    expect(implausibleChange(20, 100, bounds)).toBeNull();
    expect(implausibleChange(501, 100, bounds)).toBe('more than 5x the month before (100; plausible.monthlyRatio 5)');
    expect(implausibleChange(19, 100, bounds)).toBe('less than 1/5 of the month before (100; plausible.monthlyRatio 5)');
    expect(implausibleChange(10, 0, bounds)).toBe('after a month of 0 (plausible.monthlyRatio 5)');
    expect(implausibleChange(0, 0, bounds)).toBeNull();
    expect(implausibleChange(300, 100, { ...bounds, monthlyRatio: 2 })).toBe(
      'more than 2x the month before (100; plausible.monthlyRatio 2)',
    );
  });
});
