import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A styled native <select>: the platform's own picker is the most usable one on phones and
 * with screen readers, and it works before JavaScript loads (GET forms).
 */
function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "h-9 rounded-md border border-input bg-background px-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}

export { NativeSelect };
