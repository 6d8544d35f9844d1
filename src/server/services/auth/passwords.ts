import { hash, verify } from '@node-rs/argon2';
import { fieldError, invalid } from '../../../domain/errors.js';

// argon2id (the library's default algorithm) with OWASP's minimum memory/time settings.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A dummy hash to verify against for unknown users, so timing does not reveal who exists. */
let dummy: string | undefined;
export async function dummyVerify(password: string): Promise<void> {
  dummy ??= await hashPassword('onestop-dummy-password');
  await verifyPassword(dummy, password);
}

/** At least 8 characters with letters and digits; the field is named for the error. */
export function checkPasswordPolicy(password: string, field = 'newPassword'): void {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw invalid([
      fieldError(field, '密码至少8位，且须同时包含字母和数字', 'Password must be 8–128 characters with letters and digits'),
    ]);
  }
}
