import * as z from 'zod';
import { citedObject } from './cited-record.js';
import { date, editorial, identifying, ref, refList, text, textList, vocabulary } from './primitives.js';

export const AGREEMENT_STATUSES = [
  'proposed',
  'under-negotiation',
  'agreed',
  'signed',
  'ratified',
  'in-force',
  'stalled',
  'derailed',
  'withdrawn',
  'rejected',
  'superseded',
  'unknown',
] as const;

export const AGREEMENT_KINDS = ['ceasefire', 'declaration', 'treaty', 'memorandum', 'agreement', 'proposal', 'statement'] as const;

export const agreementSchema = citedObject({
  title: identifying(text.meta({ description: 'Title of the agreement, as printed or supplied (identifies the record).' })),
  aliases: textList.optional().meta({ description: 'Other titles or names the sources use for it.' }),
  kind: vocabulary(AGREEMENT_KINDS, 'What the document is, as the sources call it'),
  date: date.optional().meta({ description: 'Date signed, announced or proposed, to the precision the source supports.' }),
  place: text.optional().meta({ description: 'Where it was signed, agreed or announced, as the source names the place.' }),
  parties: refList('actors').optional().meta({ description: 'Parties: countries or organizations that sign or propose it (actor ids).' }),
  signatories: refList('actors', ['person'])
    .optional()
    .meta({ description: 'People who signed it, apart from the parties (actor ids of persons).' }),
  brokers: refList('actors').optional().meta({ description: 'Mediators or brokers the sources name for this agreement (actor ids).' }),
  status: z
    .enum(AGREEMENT_STATUSES)
    .meta({ description: 'Latest status the sources give; derailed: talks broken off; withdrawn: an issue taken off the table.' }),
  event: ref('events').optional().meta({ description: 'The event at which it was signed, agreed or announced.' }),
  corridors: refList('corridors').optional().meta({ description: 'Corridors the agreement concerns.' }),
  builds_on: refList('agreements').optional().meta({ description: 'Earlier agreements this one builds on.' }),
  summary: editorial("What the agreement says, in the curators' words.").optional(),
}).meta({ title: 'Agreement', description: 'A declaration, ceasefire, treaty, memorandum, agreement or proposal.' });
