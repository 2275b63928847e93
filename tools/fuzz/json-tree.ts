/** Paths into a parsed JSON value, to mutate one spot of a policy. */
export type JsonPath = readonly (string | number)[];

/** Every path in the value, the root included, with what sits there. */
export function allPaths(value: unknown, path: JsonPath = []): { path: JsonPath; value: unknown }[] {
  const out = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...path, k]));
  return out;
}

/** A copy of `root` with `replacement` at `path` (or the key removed when `replacement` is `REMOVE`). */
export function replaceAt(root: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(root) && rest.length === 0 && replacement === REMOVE) return root.filter((_, i) => i !== key);
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (rest.length === 0 && replacement === REMOVE) {
    delete copy[key!];
    return copy;
  }
  // defineProperty, so that a `__proto__` key becomes an own property JSON.stringify writes out.
  Object.defineProperty(copy, key!, { value: replaceAt(copy[key!], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

export const REMOVE = Symbol('remove');

/** The JSON Pointer (RFC 6901) of a path, as the control plane names fields. */
export function pointer(path: JsonPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
