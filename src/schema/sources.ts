import { z } from 'zod';
import { date, httpUrl, id, languageTag, note, paragraph, text, textList } from './primitives.js';

export const SOURCE_KINDS = ['news-article', 'analysis', 'op-ed', 'report', 'compilation', 'press-release', 'interview', 'other'] as const;

/** A document the dataset cites. Its text is never redistributed: only metadata and its SHA-256. */
export const sourceSchema = z
  .strictObject({
    id,
    title: text.meta({ description: 'Title as printed; when the document has none, a descriptive title in [square brackets].' }),
    title_supplied: z.boolean().optional().meta({ description: 'true when the title was supplied by curators because the document has none.' }),
    kind: z.enum(SOURCE_KINDS),
    publisher: text.optional().meta({ description: 'Publisher or outlet, only when the document states or shows it.' }),
    authors: textList.optional().meta({ description: 'Author names as printed.' }),
    published: date.optional().meta({ description: 'Publication date; absent when the text does not support one.' }),
    published_note: note.optional().meta({ description: 'How the publication date was derived, or why it is absent.' }),
    url: httpUrl.optional(),
    language: languageTag,
    text_sha256: z
      .string()
      .regex(/^[0-9a-f]{64}(?![\s\S])/, { error: 'must be the lowercase hex SHA-256 of the source text file (64 characters)' })
      .meta({ description: 'SHA-256 of the archived text file bytes.' }),
    archived_as: text.optional().meta({ description: 'File name of the archived text, e.g. in shared/seeds/.' }),
    description: paragraph.optional().meta({ description: 'What the document is, in the curators\' words.' }),
    note: note.optional(),
  })
  .meta({ title: 'Source', description: 'A source document (bibliographic record).' });

export type Source = z.infer<typeof sourceSchema>;
