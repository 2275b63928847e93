/** Counts by strategy, and the first few failures of each kind to show. */
export const PROBLEMS = ['5xx', 'unnamed', 'wrong-verdict', 'no-answer', 'malformed', 'wrong-status'] as const;
export type Problem = (typeof PROBLEMS)[number];

interface Row {
  cases: number;
  accepted: number;
  statuses: Map<number, number>;
  problems: Map<Problem, number>;
}

export class Tally {
  readonly #rows = new Map<string, Row>();
  readonly #examples: string[] = [];

  count(strategy: string, status: number | null, accepted: boolean): void {
    const row = this.#row(strategy);
    row.cases++;
    if (accepted) row.accepted++;
    const key = status ?? 0;
    row.statuses.set(key, (row.statuses.get(key) ?? 0) + 1);
  }

  problem(strategy: string, problem: Problem, example: string): void {
    const row = this.#row(strategy);
    row.problems.set(problem, (row.problems.get(problem) ?? 0) + 1);
    if (this.#examples.filter((e) => e.startsWith(`${problem} `)).length < 5) this.#examples.push(`${problem} [${strategy}] ${example}`);
  }

  total(problem: Problem): number {
    let n = 0;
    for (const row of this.#rows.values()) n += row.problems.get(problem) ?? 0;
    return n;
  }

  get cases(): number {
    let n = 0;
    for (const row of this.#rows.values()) n += row.cases;
    return n;
  }

  /** One line per strategy: cases, accepted, statuses, problems. */
  lines(): string[] {
    const rows = [...this.#rows.entries()].sort(([a], [b]) => a.localeCompare(b));
    const out = rows.map(([name, r]) => {
      const statuses = [...r.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'none'}:${n}`).join(' ');
      const problems = [...r.problems.entries()].map(([p, n]) => `${p}=${n}`).join(' ');
      return `  ${name.padEnd(17)} cases=${String(r.cases).padEnd(5)} accepted=${String(r.accepted).padEnd(5)} status ${statuses}${problems ? `  PROBLEMS ${problems}` : ''}`;
    });
    return [...out, ...this.#examples.map((e) => `  example ${e}`)];
  }

  #row(strategy: string): Row {
    let row = this.#rows.get(strategy);
    if (row === undefined) {
      row = { cases: 0, accepted: 0, statuses: new Map(), problems: new Map() };
      this.#rows.set(strategy, row);
    }
    return row;
  }
}
