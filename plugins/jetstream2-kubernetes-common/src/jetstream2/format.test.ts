import { formatSu, formatSuPerHourAndMonth } from './format';

describe('formatSu', () => {
  it.each([
    [26280, '26,280'],
    [36, '36'],
    [100.4, '100'],
    [1.55, '1.6'],
    [0.25, '0.25'],
    [0, '0'],
  ])('%p reads %p', (n, text) => {
    expect(formatSu(n)).toBe(text);
  });

  it('gives a month as 730 hours unless the monthly figure is given', () => {
    expect(formatSuPerHourAndMonth({ suPerHour: 36 })).toBe(
      '36 SU/h · 26,280 SU per month',
    );
    expect(formatSuPerHourAndMonth({ suPerHour: 2, suPerMonth: 1 })).toBe(
      '2 SU/h · 1 SU per month',
    );
  });
});
