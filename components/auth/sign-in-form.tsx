"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/login/sign-in-action";
import { initialSignInState } from "@/app/login/sign-in-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ErrorMessage } from "@/components/ui/error-message";

/** The token form; works before hydration too (a plain form post to the server action). */
export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initialSignInState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="token">Access token</Label>
        <Input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1000}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "token-error" : undefined}
        />
        <ErrorMessage id="token-error">{state.error}</ErrorMessage>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
