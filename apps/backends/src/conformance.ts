/** @cors-lab/backends/conformance: the pure half of the conformance check (matrix, comparison, note explanations, tally). */
export { compareAnswers, corsView, describeDifference, type CorsView, type Difference } from './conformance/compare-answers.ts';
export { CONFORMANCE_POLICIES, type NamedPolicy } from './conformance/conformance-policies.ts';
export { checkExchange, emptyTally, formatTally, summaryLine, tallyCase, type CheckedDifference, type LibraryTally } from './conformance/conformance-tally.ts';
export { EXPLANATIONS, explainingNotes, type Exchange, type Explanation } from './conformance/note-explanations.ts';
export { describeRequest, labAnswer, MATRIX_ORIGINS, requestMatrix, wireRequest, type MatrixRequest, type ObservedAnswer } from './conformance/request-matrix.ts';
