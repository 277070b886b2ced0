import { PHYSICAL_UNITS } from '../schema/index.js';
import { suggestion } from '../suggest.js';
import { recordCheck } from './types.js';

// ISO 4217 codes as maintained by ICU (shipped with Node), not a hand-typed list.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const PHYSICAL = new Set<string>(PHYSICAL_UNITS);

export const currencyCodes = recordCheck({
  name: 'currency-codes',
  description: 'A three-letter unit is a real ISO 4217 currency code.',
  collection: 'trade-figures',
  check: ({ data: { unit } }) =>
    PHYSICAL.has(unit) || CURRENCIES.has(unit)
      ? []
      : [{ path: ['unit'], message: `"${unit}" is not an ISO 4217 currency code${suggestion(unit, CURRENCIES)}` }],
});
