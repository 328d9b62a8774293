import Link from "next/link";

export default function PlanNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Plan not found</h1>
      <p className="text-muted-foreground">No analysis plan has this number.</p>
      <p>
        <Link href="/plans" className="underline">
          See all plans
        </Link>
      </p>
    </div>
  );
}
