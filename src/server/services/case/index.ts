/** Case handling use cases (DESIGN §4) for routes, the CLI and tests. */
export { intakeCase } from './intake.js';
export { concludeImmediately, refuseCase, requestSupplement, SUPPLEMENT_DUE_WORKDAYS } from './window-moves.js';
export { acceptCase } from './accept.js';
export { supplyMaterials } from './supply.js';
export { answerRecheck, askRecheck } from './recheck.js';
export { recordForwardAnswer } from './forward.js';
export { auditRecompute, recomputeCaseDeadlines } from './recompute.js';
export { completeTask, returnTask, startReview, taskSteps } from './review.js';
export { concludeCase, decideCase } from './decide.js';
export { deliverCase, withdrawCase } from './deliver.js';
export { getCase } from './get.js';
export { listCases } from './list.js';
export { listTaskInbox } from './inbox.js';
export { assessFees, cancelFee, payFee, refundFee } from './fees.js';
export { resumeCase, suspendCase, terminateCase } from './procedure.js';
export { setGreenChannel } from './green.js';
