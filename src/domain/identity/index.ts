/** Identity checks and masking: 居民身份证号 (GB 11643), 统一社会信用代码 (GB 32100). Pure. */
export { checkIdNumber, idNumberCheckChar, isIdNumber, type IdNumberCheck, type IdNumberProblem } from './id-number.js';
export { USCC_AUTHORITIES, USCC_CHARS, checkUscc, isUscc, usccCheckChar, type UsccCheck, type UsccProblem } from './uscc.js';
export { COMPOUND_SURNAMES, maskIdNumber, maskName, maskPhone } from './mask.js';
