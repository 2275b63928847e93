export * from './types.ts';
export * from './checks.ts';
export * from './evidence.ts';
export * from './catalog.ts';
export * from './fill-text.ts';
export * from './shared-state.ts';
