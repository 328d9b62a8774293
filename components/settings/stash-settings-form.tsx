"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useId, useState } from "react";
import { saveStashSettingsAction, testStashConnectionAction } from "@/app/_actions/stash-settings";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { StashSettingsView } from "@/server/connection/stash-connection-schema";
import { useTRPC } from "@/trpc/react";
import { ConnectionStatusText } from "./describe-connection";

const sourceNote = {
  environment: "Set by an environment variable, which takes precedence over what is saved here.",
  settings: "Saved here.",
  unset: "Not set.",
} as const;

/**
 * Stash's address and API key. The key is write-only: the page only knows whether one is
 * saved, and an empty key field keeps it (for the saved address only: the server sends the
 * saved key nowhere else). "Test connection" tries what the form holds.
 */
export function StashSettingsForm({ initial }: { initial: StashSettingsView }) {
  // Controlled: React resets a form after each action, and "Test connection" must not clear
  // what was typed before "Save".
  const [url, setUrl] = useState(initial.url ?? "");
  const [apiKey, setApiKey] = useState("");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, save, saving] = useActionState(
    async (
      previous: Awaited<ReturnType<typeof saveStashSettingsAction>> | null,
      form: FormData,
    ) => {
      const result = await saveStashSettingsAction(previous, form);
      // Write-only: once saved, the key leaves the page.
      if (result.ok) setApiKey("");
      // The dashboard's connection check describes the old address until asked again.
      if (result.ok) void queryClient.invalidateQueries(trpc.connection.status.pathFilter());
      return result;
    },
    null,
  );
  const [tested, test, testing] = useActionState(testStashConnectionAction, null);
  const view = saved?.ok ? saved.value : initial;
  const urlId = useId();
  const keyId = useId();
  const removeId = useId();
  const urlError = saved && !saved.ok ? saved.error.fields?.url?.[0] : undefined;

  return (
    <form action={save} className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <Label htmlFor={urlId}>Stash GraphQL address</Label>
        <Input
          id={urlId}
          name="url"
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="http://localhost:9999/graphql"
          aria-describedby={`${urlId}-note`}
          aria-invalid={urlError ? true : undefined}
        />
        <p id={`${urlId}-note`} className="text-xs text-muted-foreground">
          {urlError ? <span className="text-destructive">Address {urlError}. </span> : null}
          {sourceNote[view.urlSource]}
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor={keyId}>API key</Label>
        <Input
          id={keyId}
          name="apiKey"
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          placeholder={view.hasApiKey ? "•••••••• (saved; leave empty to keep it)" : "none"}
          aria-describedby={`${keyId}-note`}
        />
        <p id={`${keyId}-note`} className="text-xs text-muted-foreground">
          Stash → Settings → Security → API Key. Leave empty if Stash has no password.{" "}
          {view.hasApiKey ? sourceNote[view.apiKeySource] : null} The key is never shown again, and
          goes only to the saved address: a new address needs its key entered with it.
        </p>
        {view.hasApiKey && view.apiKeySource === "settings" ? (
          <div className="flex items-center gap-2">
            <Checkbox id={removeId} name="removeApiKey" />
            <Label htmlFor={removeId} className="font-normal">
              Remove the saved key
            </Label>
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button type="submit" variant="outline" formAction={test} disabled={testing}>
          {testing ? "Testing…" : "Test connection"}
        </Button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2">
        {saved ? (
          saved.ok ? (
            <p className="text-sm">Saved.</p>
          ) : (
            <p className="text-sm text-destructive">Not saved: {saved.error.message}</p>
          )
        ) : null}
        {tested ? (
          tested.ok ? (
            <ConnectionStatusText status={tested.value} />
          ) : (
            <p className="text-sm text-destructive">{tested.error.message}</p>
          )
        ) : null}
      </div>
    </form>
  );
}
