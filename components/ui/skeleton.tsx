import type * as React from "react";
import { cn } from "@/lib/utils";

/** A placeholder with the size of what is loading, so nothing shifts when it arrives. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}

export { Skeleton };
