import { Skeleton } from "@/components/ui/skeleton";

export default function SyncRunsLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <span className="sr-only">Loading sync runs…</span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-14 w-80 max-w-full" />
      <div className="flex flex-col gap-2">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
