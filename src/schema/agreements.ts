import { z } from 'zod';
import { citations, date, id, note, refList, text, textList } from './primitives.js';

export const AGREEMENT_KINDS = ['ceasefire', 'declaration', 'treaty', 'memorandum', 'agreement', 'proposal', 'statement'] as const;
export const AGREEMENT_STATUSES = ['proposed', 'under-negotiation', 'agreed', 'signed', 'ratified', 'in-force', 'stalled', 'rejected', 'superseded', 'unknown'] as const;

export const agreementSchema = z
  .strictObject({
    id,
    title: text,
    aliases: textList.optional(),
    kind: z.enum(AGREEMENT_KINDS),
    date: date.optional().meta({ description: 'Date signed, announced or proposed, to the precision the source supports.' }),
    place: text.optional(),
    parties: refList('actors').meta({ description: 'Signatories or proposers (actor ids).' }),
    brokers: refList('actors').optional().meta({ description: 'Mediators or brokers (actor ids).' }),
    status: z.enum(AGREEMENT_STATUSES),
    corridors: refList('corridors').optional().meta({ description: 'Corridors the agreement concerns.' }),
    builds_on: refList('agreements').optional().meta({ description: 'Earlier agreements this one builds on.' }),
    summary: text.optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Agreement', description: 'A declaration, ceasefire, treaty, memorandum, agreement or proposal.' });

export type Agreement = z.infer<typeof agreementSchema>;
