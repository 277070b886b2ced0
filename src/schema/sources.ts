import * as z from 'zod';
import { EXEMPT, date, editorial, exempt, id, httpUrl, languageTag, note, paragraph, text, textList } from './primitives.js';

export const SOURCE_KINDS = ['news-article', 'analysis', 'op-ed', 'report', 'compilation', 'press-release', 'interview', 'other'] as const;

/** One piece of a compilation source: only what the text gives for it. */
const piece = z
  .strictObject({
    id: id.meta({ description: 'Id of the piece, unique within the source; citations name it in `piece`.' }),
    title: text.optional().meta({ description: 'Title or headline of the piece as printed.' }),
    authors: text.optional().meta({
      description: 'Author or authors as the text attributes the piece ("writes X in this op-ed", a closing biography), as printed.',
    }),
    outlet: text.optional().meta({ description: 'Outlet the piece appeared in, as the text names it.' }),
    published: date.optional().meta({ description: 'Publication date of the piece, when the text gives it.' }),
    published_as_stated: text.optional().meta({ description: 'The date of the piece as printed, when it is not a full date.' }),
    description: text.optional().meta({ description: "What the piece is, in the curators' words." }),
  })
  .meta({ description: 'A piece of a compilation.' });

/**
 * A document the dataset cites. Its text is never redistributed: only metadata and its SHA-256.
 * The whole record is exempt from field evidence: its evidence is the hash of the archived text.
 */
export const sourceSchema = exempt(
  z
    .strictObject({
      id,
      title: text.meta({ description: 'Title as printed; when the document has none, a descriptive title in [square brackets].' }),
      title_supplied: z
        .boolean()
        .optional()
        .meta({ description: 'true when the title was supplied by curators because the document has none.' }),
      kind: z.enum(SOURCE_KINDS).meta({
        description:
          'Genre of the document: news-article, analysis, op-ed, report, compilation (several pieces in one text, see pieces), press-release, interview, other.',
      }),
      publisher: text.optional().meta({ description: 'Publisher or outlet, only when the document states or shows it.' }),
      authors: textList.optional().meta({ description: 'Author names as printed; for a compilation, only authors the text attributes.' }),
      published: date.optional().meta({ description: 'Publication date; absent when the text does not support one.' }),
      published_note: editorial('How the publication date was derived, or why it is absent.').optional(),
      url: httpUrl.optional().meta({ description: 'Web address of the document, when it states or shows one; absent otherwise.' }),
      language: languageTag,
      text_sha256: z
        .string()
        .regex(/^[0-9a-f]{64}(?![\s\S])/, { error: 'must be the lowercase hex SHA-256 of the source text file (64 characters)' })
        .meta({ description: 'SHA-256 of the archived text file bytes.' }),
      archived_as: text.optional().meta({ description: 'File name of the archived text, e.g. in shared/seeds/.' }),
      pieces: z
        .array(piece)
        .min(1)
        .optional()
        .meta({ description: 'For a compilation: its pieces (author, outlet, date where the text gives them), in the order of the text.' }),
      description: paragraph.optional().meta({ description: "What the document is, in the curators' words." }),
      note: note.optional(),
    })
    .meta({ title: 'Source', description: 'A source document (bibliographic record).' }),
  EXEMPT.sources,
);

export type SourcePiece = z.infer<typeof piece>;
