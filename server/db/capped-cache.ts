/**
 * Get-or-create by key in a map that is emptied when it outgrows `cap`. For caches of things
 * that come in a few fixed shapes (statement texts, prepared statements): the cap is only a
 * safety net against a caller that varies them.
 */
export function cappedCache<V>(cap: number): (key: string, create: () => V) => V {
  const entries = new Map<string, V>();
  return (key, create) => {
    let value = entries.get(key);
    if (value === undefined) {
      if (entries.size >= cap) entries.clear();
      value = create();
      entries.set(key, value);
    }
    return value;
  };
}
