/** What the sign-in form shows after a failed attempt. */
export interface SignInState {
  error: string | null;
}

export const initialSignInState: SignInState = { error: null };
