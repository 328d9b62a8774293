/** A schedule interval in words: "Every 15 minutes", "Every hour", "Daily", "Off". */
export function intervalLabel(minutes: number): string {
  if (minutes === 0) return "Off";
  if (minutes < 60) return `Every ${minutes} minutes`;
  if (minutes === 60) return "Every hour";
  if (minutes === 1440) return "Daily";
  return `Every ${minutes / 60} hours`;
}
