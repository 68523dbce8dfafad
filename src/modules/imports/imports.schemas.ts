/** The HTTP contract of imports: request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging } from '../../platform/contract';
import { IMPORT_KINDS, IMPORT_STATUSES } from './core/columns';

export const ImportKindSchema = OneOf(IMPORT_KINDS);

export const ProblemSchema = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  value: Type.String(),
  code: Type.String(),
  severity: OneOf(['error', 'warning'] as const),
  zh: Type.String(),
  en: Type.String(),
});

export const SheetReadSchema = Type.Object(
  {
    name: Type.String(),
    reason: Type.String({ description: 'named: the template’s sheet name; first-visible; only' }),
    zh: Type.String(),
    en: Type.String(),
  },
  { description: 'Which sheet of the workbook was read, and why' },
);

export const ImportJobSchema = Type.Object({
  id: Type.Integer(),
  kind: ImportKindSchema,
  year: Nullable(Type.Integer()),
  fileName: Type.String(),
  sha256: Type.String(),
  sizeBytes: Type.Integer(),
  username: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  status: OneOf(IMPORT_STATUSES),
  progress: Type.Union([
    Type.Object({ phase: Type.String(), done: Type.Integer(), total: Nullable(Type.Integer()) }),
    Type.Null(),
  ]),
  rowsTotal: Type.Integer(),
  rowsInserted: Type.Integer(),
  rowsUpdated: Type.Integer(),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  sheet: Nullable(SheetReadSchema),
  problems: Type.Optional(Type.Array(ProblemSchema)),
});

export const TemplateParams = Type.Object({ kind: ImportKindSchema }, { additionalProperties: false });

export const UploadQuery = Type.Object(
  { kind: ImportKindSchema, year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) },
  { additionalProperties: false },
);

export const HistoryQuery = Type.Object({ ...Paging }, { additionalProperties: false });

export const HistoryPage = PageOf(ImportJobSchema);

export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 1990, maximum: 2100 }) },
  { additionalProperties: false },
);

export type ImportKindInput = Static<typeof ImportKindSchema>;
export type ImportProblemView = Static<typeof ProblemSchema>;
export type ImportJobView = Static<typeof ImportJobSchema>;
export type ImportHistoryPage = Static<typeof HistoryPage>;
export type UploadQueryInput = Static<typeof UploadQuery>;
