// Client-side mirror of the password policy (the server has the final word, including the
// common-password list).

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'classes' | 'sameAsUsername';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'tooShort';
  if (password.length > PASSWORD_MAX) return 'tooLong';
  if (characterClasses(password) < 3) return 'classes';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'sameAsUsername';
  return null;
}
