/** What a template gives: the files of a runnable app around the exported code, and how to start it. */
import type { BackendRoute } from '../lab-routes.ts';

export interface AppFiles {
  /** File name (in the app's directory) to content. */
  readonly files: Readonly<Record<string, string>>;
  /** Arguments after the runtime's executable; relative paths are in the app's directory. */
  readonly args: readonly string[];
  /** The app prints `PORT <n>` once it listens (given port 0 it picks one); nginx does not, so it needs a fixed port. */
  readonly reportsPort: boolean;
  /** The app resolves Node packages: its directory gets a node_modules link to this package's. */
  readonly nodeModules: boolean;
}

export interface AppInput {
  /** The exported configuration, as exportConfig returned it. */
  readonly code: string;
  readonly routes: readonly BackendRoute[];
  /** The port to listen on; 0 lets the app pick one (not for nginx). */
  readonly port: number;
  /** The app's directory, absolute. */
  readonly dir: string;
}

/** Written beside the app for every template that reads its routes at startup. */
export const ROUTES_FILE = 'routes.json';

export const routesJson = (routes: readonly BackendRoute[]) => `${JSON.stringify(routes, null, 2)}\n`;

/** The banner between the export and what the backend adds, in a language's comment syntax. */
export const seam = (comment: string, what: string) => `\n${comment} ---- @cors-lab/backends: ${what} (not part of the export) ----\n`;
