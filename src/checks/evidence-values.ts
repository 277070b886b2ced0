import { citationsCovering, factLeaves } from '../schema/evidence.js';
import { writesNumber } from './number-forms.js';
import { evidenceCheck, type Finding } from './types.js';

const RULE = 'evidence-values';

/** The number a field asserts: the value of a number field, the year of a date. */
function assertedNumber(value: unknown, isDate: boolean): { n: number; label: string } | undefined {
  if (typeof value === 'number') return { n: value, label: `the value ${value}` };
  if (isDate && typeof value === 'string' && /^\d{4}/.test(value))
    return { n: Number(value.slice(0, 4)), label: `the year ${value.slice(0, 4)} (of ${value})` };
  return undefined;
}

export const evidenceValues = evidenceCheck({
  name: RULE,
  description:
    'A number, or the year of a date, in a supported field is written in one of its supporting excerpts, or a note on a supporting citation says how it was derived.',
  check(_record, evidence) {
    const findings: Finding[] = [];
    for (const leaf of factLeaves(evidence.tree)) {
      const asserted = assertedNumber(leaf.value, leaf.isDate);
      if (!asserted) continue;
      const covering = citationsCovering(leaf, evidence.citations);
      if (covering.length === 0) continue; // field-evidence reports it
      if (covering.some(({ citation }) => writesNumber(citation.excerpt, asserted.n))) continue;
      if (covering.some(({ citation }) => citation.note)) continue; // the derivation is stated
      const which = covering.map(({ index }) => `sources[${index}]`).join(', ');
      findings.push({
        path: leaf.dataPath,
        message: `${leaf.path}: ${asserted.label} is not written in its supporting excerpt${covering.length > 1 ? 's' : ''} (${which}) in any form (${leaf.isDate ? 'the year in digits' : 'digits with or without separators, "688 million", "40-kilometer", "forty"'}): cite the sentence that gives it, or, if you converted or derived it, say how in a note on that citation`,
      });
    }
    return findings;
  },
});
