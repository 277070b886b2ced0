import { PHYSICAL_UNITS } from '../schema/index.js';
import { suggestion } from '../suggest.js';
import { recordsOf, type Check } from './types.js';

// ISO 4217 codes as maintained by ICU (shipped with Node), not a hand-typed list.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const PHYSICAL = new Set<string>(PHYSICAL_UNITS);

export const currencyCodes: Check = {
  name: 'currency-codes',
  description: 'A three-letter unit is a real ISO 4217 currency code.',
  run: (ctx) =>
    recordsOf(ctx, 'trade-figures').flatMap((r) => {
      const { unit } = r.data;
      return PHYSICAL.has(unit) || CURRENCIES.has(unit)
        ? []
        : [
            {
              file: r.file.display,
              path: ['unit'],
              rule: 'currency-codes',
              message: `"${unit}" is not an ISO 4217 currency code${suggestion(unit, CURRENCIES)}`,
            },
          ];
    }),
};
