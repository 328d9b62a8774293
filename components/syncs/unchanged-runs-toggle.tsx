import Link from "next/link";

interface Props {
  /** Runs matching the filters that the list leaves out for changing nothing. */
  hidden: number;
  /** Whether those runs are listed now. */
  showing: boolean;
  /** The list's other filters, kept when switching. */
  filters: URLSearchParams;
}

/** Says how many runs that changed nothing the list hides, with a link to show or hide them. */
export function UnchangedRunsToggle({ hidden, showing, filters }: Props) {
  const next = new URLSearchParams(filters);
  if (showing) next.delete("unchanged");
  else next.set("unchanged", "show");
  const href = `/syncs${next.size ? `?${next}` : ""}`;
  const runs = (n: number) => `${n.toLocaleString()} ${n === 1 ? "run" : "runs"}`;
  return (
    <p className="text-sm text-muted-foreground" data-testid="unchanged-runs">
      {showing
        ? "Runs that changed nothing are listed. "
        : hidden > 0
          ? `${runs(hidden)} that changed nothing ${hidden === 1 ? "is" : "are"} hidden. `
          : "Runs that changed nothing are hidden; there are none here. "}
      <Link href={href} className="font-medium text-foreground underline underline-offset-2">
        {showing ? "Hide runs that changed nothing" : hidden > 0 ? "Show them" : "Show all runs"}
      </Link>
    </p>
  );
}
