/** @cors-lab/backends: real CORS libraries running the lab's exported configuration, as child processes on loopback. */
export { BACKEND_IDS, BACKENDS, type BackendId } from './backend-catalog.ts';
export type { Exit } from './backend-process.ts';
export { detectBackends, type BackendInfo } from './detect-backends.ts';
export { labRoutes, type BackendRoute } from './lab-routes.ts';
export { startBackend, type RunningBackend, type StartBackendOptions } from './start-backend.ts';
