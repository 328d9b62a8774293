import { signOutAction } from "@/app/login/sign-out-action";
import { Button } from "@/components/ui/button";

/** For the header when access control is on (see accessControlEnabled()). */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost" size="sm">
        Sign out
      </Button>
    </form>
  );
}
