/**
 * The importers: paste a framework's CORS configuration, get the lab's policy
 * and a warning for each thing the policy says differently. Pure: the text is
 * read, never run.
 */
import { importDjangoSettings } from './import-django.ts';
import { importExpressCors } from './import-express.ts';
import type { ImportResult } from './import-result.ts';

export type { ImportError, ImportResult, ImportWarning } from './import-result.ts';
export { importDjangoSettings, importExpressCors };

export type ImporterId = 'django-cors-headers' | 'express-cors';

export interface Importer {
  readonly id: ImporterId;
  /** What to paste, in the library's own words. */
  readonly label: string;
  readonly language: 'python' | 'javascript';
  /** A short example, e.g. for an empty editor's placeholder. */
  readonly example: string;
  readonly read: (text: string) => ImportResult;
}

export const IMPORTERS: readonly Importer[] = [
  {
    id: 'django-cors-headers',
    label: 'django-cors-headers settings (settings.py)',
    language: 'python',
    example: "CORS_ALLOWED_ORIGINS = [\n    'http://localhost:8100',\n]\nCORS_ALLOW_CREDENTIALS = True",
    read: importDjangoSettings,
  },
  {
    id: 'express-cors',
    label: 'Express cors() options',
    language: 'javascript',
    example: "app.use(cors({\n  origin: 'http://localhost:8100',\n  credentials: true,\n}))",
    read: importExpressCors,
  },
];
