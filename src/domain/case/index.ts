/**
 * Case handling, pure (DESIGN §4–§5): the case as an append-only list of actions, folded to its
 * state; the moves open to an actor; the clock and traffic lights; case numbers.
 */
export * from './types.js';
export { initialCase, isAccepted, isDecided, openPause, openTasks, owedFees, owedMaterials } from './state.js';
export type { CaseFee, CaseItem, CasePause, CaseState, CaseTask } from './state.js';
export { ACTION_LABELS, CASE_STATUS_LABELS, OUTCOME_LABELS } from './labels.js';
export { CASE_ERROR_KIND, CaseError, type CaseErrorCode } from './errors.js';
export { foldCase } from './fold.js';
export { transition, transitionOrThrow, type TransitionContext, type TransitionResult } from './transition.js';
export { availableActions, workableTasks } from './available.js';
export { canWorkTask, type CaseActor } from './roles.js';
export { guard } from './guards.js';
export {
  DEFAULT_THRESHOLDS,
  LIGHTS,
  caseClock,
  pauseClock,
  taskClock,
  trafficLight,
  type CaseClock,
  type Light,
  type LightThresholds,
  type TaskClock,
} from './clock.js';
export {
  DEFAULT_CASE_NO_PATTERN,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  checkCaseNoPattern,
  formatCaseNo,
  normalizeVerificationCode,
  parseCaseNo,
  verificationCode,
  type CaseNoParts,
  type PatternCheck,
} from './number.js';
