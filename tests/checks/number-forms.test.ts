import { describe, expect, it } from 'vitest';
import { numbersIn, writesNumber } from '../../src/checks/number-forms.js';

describe('number forms', () => {
  it.each([
    ['Bilateral trade grew from $608 million to $688 million', 688000000],
    ['Bilateral trade grew from $608 million to $688 million', 608000000],
    ['688,000,000 dollars', 688000000],
    ['688000000 dollars', 688000000],
    ['a 40-kilometer road and rail line', 40],
    ['an estimated 1,000,000-plus today', 1000000],
    ['a region of 140 million people', 140000000],
    ['1.5 billion cubic metres', 1500000000],
    ['€2bn of investment', 2000000000],
    ['a 170-kilometre section', 170],
    ['for more than three decades', 3],
    ['twenty-five trucks', 25],
    ['two hundred and fifty wagons', 250],
    ['a million people', 1000000],
    ['a dozen ships', 12],
    ['the 7th meeting', 7],
    ['only 5% of mine action', 5],
    ['1\u00a0000 tonnes', 1000],
    ['in March 2021', 2021],
    ['which Turkey closed in 1993', 1993],
  ])('%s writes %d', (text, value) => {
    expect(writesNumber(text, value)).toBe(true);
  });

  it.each([
    ['Bilateral trade grew from $608 million to $688 million', 700000000],
    ['a 40-kilometer road', 400],
    ['in March 2021', 2020],
    ['someone said it', 1],
    ['October 23-27', 2327],
  ])('%s does not write %d', (text, value) => {
    expect(writesNumber(text, value)).toBe(false);
  });

  it('reads grouped digits as one number, not as a list', () => {
    expect(numbersIn('608,000,000')).toEqual([608000000]);
    expect(numbersIn('October 23, 2023')).toEqual([23, 2023]);
  });
});
