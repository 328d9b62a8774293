"use client";

import { useState } from "react";
import { LocalTime } from "@/components/format/local-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { WebhookView } from "@/server/notifications/notification-schema";
import { saveWebhookAction } from "@/app/_actions/webhook-settings";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { ErrorMessage } from "@/components/ui/error-message";

/**
 * The failure webhook. Write-only like the API key: the saved URL is never sent back (it often
 * carries a token), only its host, the address it resolved to and the last delivery's result.
 */
export function WebhookSettingsForm({ initial }: { initial: WebhookView }) {
  const [view, setView] = useState(initial);
  const [url, setUrl] = useState("");
  const save = useActionMutation(saveWebhookAction, {
    onSuccess: (next) => {
      setView(next);
      setUrl("");
    },
  });
  const last = view.lastDelivery;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ url });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="webhook-url" className="text-sm font-medium">
          Webhook URL
        </label>
        <Input
          id="webhook-url"
          type="url"
          placeholder={
            view.configured
              ? `Saved (${view.host ?? "set"}); enter a new one to replace it`
              : "https://…"
          }
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending || url === ""}>
          Set webhook
        </Button>
        {view.configured ? (
          <Button
            type="button"
            variant="outline"
            disabled={save.isPending}
            onClick={() => save.mutate({ url: "" })}
          >
            Remove webhook
          </Button>
        ) : null}
      </div>
      {view.configured ? (
        <p className="text-sm">
          Sends to <span className="font-medium">{view.host ?? "the saved URL"}</span>
          {view.address ? ` (resolved to ${view.address} when saved)` : null}.
        </p>
      ) : null}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {!view.configured
          ? "No webhook: failures are only listed in Notifications."
          : last === null
            ? "Nothing sent yet."
            : null}
        {view.configured && last ? (
          <>
            Last delivery <LocalTime value={last.at} relative />:{" "}
            {last.ok ? (
              <span className="text-event-green">delivered (HTTP {last.status})</span>
            ) : (
              <span className="text-event-red">failed — {last.error}</span>
            )}{" "}
            after {last.attempts} {last.attempts === 1 ? "try" : "tries"}.
          </>
        ) : null}
      </p>
      <ErrorMessage>{save.isError && save.error.message}</ErrorMessage>
    </form>
  );
}
