/**
 * A lesson is a short story in steps. Each step has text, a preset (request
 * and policy), things to try, and a check that passes when the learner has
 * done it. Checks read what really happened (the timeline's sends, server01's
 * records, the explainer's verdicts), never which buttons were clicked.
 */
import type { Policy } from '../policy.ts';
import type { CredentialsMode } from '../request-classification.ts';
import type { Failure } from '../cors-checks.ts';
import type { LabRequest, Sender } from '../request-classification.ts';
import type { ScriptResult, Tone } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';

export type Lang = 'en' | 'zh-CN';

/** Every word a learner reads, in both languages. */
export interface Text {
  readonly en: string;
  readonly 'zh-CN': string;
}

/**
 * The request a step starts from. `url` is a template: `{server01}` is
 * server01's base URL for the learner's lab (`http://host:8000[/l/<id>]`),
 * `{page}` the page's own origin (`http://host:8100`), `{host}` the host name.
 */
export interface RequestPreset {
  readonly api?: Sender;
  readonly method?: string;
  readonly url?: string;
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  readonly body?: string;
  readonly credentials?: CredentialsMode;
  /** Send from another origin (a template like `url`, e.g. `{attacker}`) or `null` (a sandboxed iframe); left out: the page. */
  readonly from?: string;
}

export interface Preset {
  readonly request?: RequestPreset;
  /** Applied over the empty policy: a preset starts from a known server. `originList` entries may be templates like `url` (`{page}`). */
  readonly policy?: Partial<Policy>;
}

/** One send as a check sees it: what the script got, what server01 recorded, and the verdict. */
export interface SendEvidence {
  readonly number: number;
  readonly request: LabRequest;
  readonly pageOrigin: string;
  readonly result: ScriptResult;
  readonly tone: Tone;
  readonly preflight: ServerRecord | null;
  readonly actual: ServerRecord | null;
  /** A preflight was needed and the browser's preflight cache answered it. */
  readonly preflightFromCache: boolean;
  readonly failure: Failure | null;
  /** The policy server01 held when the send started (the page saves its draft first). */
  readonly policy: Policy;
}

/** What a check reads: the sends made since the step began (oldest first) and the policy now. A send from another origin has that origin as its pageOrigin. */
export interface Evidence {
  readonly sends: readonly SendEvidence[];
  readonly policy: Policy;
  readonly pageOrigin: string;
}

export type CheckResult = { readonly passed: true } | { readonly passed: false; readonly hint: Text };

export type Check = (evidence: Evidence) => CheckResult;

export interface LessonStep {
  readonly id: string;
  readonly title: Text;
  /** Paragraphs separated by a blank line; `code` in backticks. */
  readonly text: Text;
  readonly tryThis: readonly Text[];
  readonly preset?: Preset;
  readonly check: Check;
  /** A challenge: the check also refuses a policy more permissive than needed. */
  readonly challenge?: boolean;
}

export interface Lesson {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text;
  readonly steps: readonly LessonStep[];
  /** What real servers do: shown after the last step. */
  readonly realServers: Text;
}
