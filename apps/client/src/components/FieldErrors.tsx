import type { FieldError } from '@cors-lab/shared';

/** The errors whose field is `prefix` or lies under it, shown beside that field. */
export function FieldErrors({ id, errors, prefix }: { id: string; errors: readonly FieldError[]; prefix: string }) {
  const mine = errors.filter((e) => e.field === prefix || e.field.startsWith(`${prefix}/`));
  if (mine.length === 0) return null;
  return (
    <ul className="field-errors" id={id} role="alert">
      {mine.map((e) => <li key={e.field + e.message}>{e.message}</li>)}
    </ul>
  );
}
