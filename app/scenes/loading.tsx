import { Skeleton } from "@/components/ui/skeleton";

export default function ScenesLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <span className="sr-only">Loading scenes…</span>
      <Skeleton className="h-8 w-32" />
      <Skeleton className="h-40 w-full" />
      <div className="flex flex-col gap-2">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
