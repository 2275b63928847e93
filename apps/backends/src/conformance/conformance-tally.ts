/** Checks exchanges against the lab's answers and tallies them per library, for the report and the final line. */
import type { Note, Policy } from '@cors-lab/shared';
import { compareAnswers, corsView, describeDifference, type Difference } from './compare-answers.ts';
import { explainingNotes } from './note-explanations.ts';
import { describeRequest, labAnswer, type MatrixRequest, type ObservedAnswer } from './request-matrix.ts';

export interface CheckedDifference {
  readonly difference: Difference;
  /** The notes that explain it; empty: unexplained. */
  readonly notes: readonly string[];
}

/** Every difference between the library's answer and the lab's, each with the notes of the export that explain it. */
export function checkExchange(policy: Policy, request: MatrixRequest, library: ObservedAnswer, notes: readonly Note[]): CheckedDifference[] {
  const x = { policy, request, lab: corsView(labAnswer(policy, request)), library: corsView(library) };
  return compareAnswers(x.lab, x.library, request.preflight).map((difference) => ({ difference, notes: explainingNotes(difference, x, notes) }));
}

export interface LibraryTally {
  readonly library: string;
  policies: number;
  cases: number;
  /** Cases with at least one difference. */
  differing: number;
  differences: number;
  /** Differences each note explains; one difference may count for several notes. */
  readonly byNote: Map<string, number>;
  /** One line per unexplained difference, or per case or backend that failed. */
  readonly unexplained: string[];
}

export const emptyTally = (library: string): LibraryTally => ({ library, policies: 0, cases: 0, differing: 0, differences: 0, byNote: new Map(), unexplained: [] });

/** Adds one exchange's checked differences to the tally. */
export function tallyCase(tally: LibraryTally, policyName: string, request: MatrixRequest, checked: readonly CheckedDifference[]): void {
  tally.cases += 1;
  if (checked.length > 0) tally.differing += 1;
  tally.differences += checked.length;
  for (const { difference, notes } of checked) {
    for (const name of notes) tally.byNote.set(name, (tally.byNote.get(name) ?? 0) + 1);
    if (notes.length === 0) tally.unexplained.push(`[${policyName}] ${describeRequest(request)}: ${describeDifference(difference)}`);
  }
}

/** The compact table of one library: counts, the notes that explain its differences, the first `shown` that none explains. */
export function formatTally(t: LibraryTally, shown = 20): string[] {
  const notes = [...t.byNote.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n, c]) => `${n} ${c}`);
  const lines = [
    `${t.library.padEnd(20)} policies ${String(t.policies).padStart(2)}  cases ${String(t.cases).padStart(5)}  differing ${String(t.differing).padStart(5)}  differences ${String(t.differences).padStart(5)}  unexplained ${t.unexplained.length}`,
    `  explained by: ${notes.length > 0 ? notes.join(', ') : '(no differences)'}`,
  ];
  const listed = t.unexplained.slice(0, shown).map((u) => `  UNEXPLAINED ${u}`);
  const more = t.unexplained.length > shown ? [`  ... and ${t.unexplained.length - shown} more (--verbose shows all)`] : [];
  return [...lines, ...listed, ...more];
}

/** The run's last line. */
export const summaryLine = (libraries: number, cases: number, unexplained: number) => `conformance: libraries=${libraries} cases=${cases} unexplained=${unexplained}`;
