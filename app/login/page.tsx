import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { accessControlEnabled } from "@/server/auth/access-token";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { safeReturnPath } from "@/server/auth/public-paths";
import { SESSION_MAX_AGE_SECONDS } from "@/server/auth/session-cookie";

const sessionDays = SESSION_MAX_AGE_SECONDS / 86_400;

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const requested = (await searchParams).next;
  const next = safeReturnPath(typeof requested === "string" ? requested : null);
  const access = authorizeRequest(await headers());

  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 pt-8">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <Card>
        {!accessControlEnabled() ? (
          <CardHeader>
            <CardTitle>No sign-in needed</CardTitle>
            <CardDescription>
              STASH_SYNC_TOKEN is not set, so this server is open to anyone who can reach it.{" "}
              <Link href="/" className="underline">
                Go to the dashboard
              </Link>
              .
            </CardDescription>
          </CardHeader>
        ) : access.credential === "session" ? (
          <>
            <CardHeader>
              <CardTitle>You are signed in</CardTitle>
              <CardDescription>
                <Link href={next} className="underline">
                  Continue
                </Link>{" "}
                or sign out of this browser.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <SignOutButton />
            </CardContent>
          </>
        ) : (
          <>
            <CardHeader>
              <CardTitle>Access token</CardTitle>
              <CardDescription>
                Enter the value of STASH_SYNC_TOKEN. This browser stays signed in for {sessionDays}{" "}
                days.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <SignInForm next={next} />
            </CardContent>
          </>
        )}
      </Card>
    </div>
  );
}
