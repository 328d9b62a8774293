/**
 * One kind of Stash record (scenes, performers, tags, studios) with Stash's query semantics:
 * timestamp criteria compared as text, an allow-list of sort keys, 1-based pages, per_page 25
 * by default and -1 for all, and `ids:` that fails the whole call on one unknown id.
 */

export interface FindFilter {
  q?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  direction?: "ASC" | "DESC" | null;
}

export interface TimestampCriterion {
  value: string;
  value2?: string | null;
  modifier: string;
}

export interface IntCriterion {
  value: number;
  value2?: number | null;
  modifier: string;
}

/** The criteria the simulator understands, across entity filter types. */
export interface EntityFilter {
  created_at?: TimestampCriterion | null;
  updated_at?: TimestampCriterion | null;
  id?: IntCriterion | null;
  /** Boolean columns by wire name, e.g. { organized: true } or { favorite: true }. */
  flags?: Record<string, boolean>;
}

export type SortValue = string | number | boolean | null;

export interface EntityKind<Row, Wire> {
  /** "scene" → error messages say "scene with id 7 not found", as Stash does. */
  noun: string;
  idOf(row: Row): number;
  createdAt(row: Row): string;
  updatedAt(row: Row): string;
  /** Stash's allow-list for `sort` (the CVE-2024-32231 check). */
  sortKeys: readonly string[];
  /** The sort Stash applies when none is given; null means no ORDER BY at all (scenes). */
  defaultSort: string | null;
  sortValue(row: Row, key: string, materialize: (row: Row) => Wire): SortValue;
  flag(row: Row, name: string, materialize: (row: Row) => Wire): boolean | null;
  /** Text that `q` searches (title, name). */
  searchText(row: Row, materialize: (row: Row) => Wire): string;
  materialize(row: Row): Wire;
}

export interface QueryResult<Row, Wire> {
  count: number;
  items: Wire[];
  /** Every matching row, for aggregates such as FindScenesResultType.duration. */
  matching: () => readonly Row[];
}

/** Stash parses ids with strconv.Atoi; this error text is the one Go produces. */
export function parseStashId(id: string): number {
  if (!/^[+-]?\d+$/.test(id)) throw new Error(`strconv.Atoi: parsing "${id}": invalid syntax`);
  return Number(id);
}

function compareTimestamp(value: string, c: TimestampCriterion): boolean {
  // Text comparison, exactly like SQLite comparing Stash's TEXT column with the bound string.
  switch (c.modifier) {
    case "GREATER_THAN":
      return value > c.value;
    case "LESS_THAN":
      return value < c.value;
    case "EQUALS":
      return value === c.value;
    case "NOT_EQUALS":
      return value !== c.value;
    case "BETWEEN":
      return value >= c.value && value <= (c.value2 ?? c.value);
    case "NOT_BETWEEN":
      return value < c.value || value > (c.value2 ?? c.value);
    case "IS_NULL":
      return false;
    case "NOT_NULL":
      return true;
    default:
      throw new Error(`invalid modifier ${c.modifier} for timestamp criterion`);
  }
}

function compareInt(value: number, c: IntCriterion): boolean {
  switch (c.modifier) {
    case "EQUALS":
      return value === c.value;
    case "NOT_EQUALS":
      return value !== c.value;
    case "GREATER_THAN":
      return value > c.value;
    case "LESS_THAN":
      return value < c.value;
    case "BETWEEN":
      return value >= c.value && value <= (c.value2 ?? c.value);
    case "NOT_BETWEEN":
      return value < c.value || value > (c.value2 ?? c.value);
    default:
      throw new Error(`invalid modifier ${c.modifier} for int criterion`);
  }
}

function compareSortValues(a: SortValue, b: SortValue): number {
  // SQLite orders NULL first ascending.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
}

export class EntityTable<Row, Wire> {
  /** Ascending by id: ids only grow, so appending keeps the order. */
  private rows: Row[] = [];
  private readonly byId = new Map<number, Row>();
  private version = 0;
  private sorted = new Map<string, Row[]>();
  private lastFiltered: { key: string; version: number; rows: Row[] } | null = null;
  private unsortedCalls = 0;

  constructor(readonly kind: EntityKind<Row, Wire>) {}

  /** Grows with every change: cached answers about this table are stale once it moved. */
  get changes(): number {
    return this.version;
  }

  get size(): number {
    return this.rows.length;
  }

  all(): readonly Row[] {
    return this.rows;
  }

  get(id: number): Row | undefined {
    return this.byId.get(id);
  }

  maxId(): number {
    const last = this.rows[this.rows.length - 1];
    return last === undefined ? 0 : this.kind.idOf(last);
  }

  insert(row: Row): void {
    const id = this.kind.idOf(row);
    if (this.byId.has(id)) throw new Error(`${this.kind.noun} ${id} already exists`);
    if (id <= this.maxId()) throw new Error(`${this.kind.noun} ids must grow`);
    this.rows.push(row);
    this.byId.set(id, row);
    this.touch();
  }

  remove(id: number): boolean {
    const row = this.byId.get(id);
    if (row === undefined) return false;
    this.byId.delete(id);
    this.rows = this.rows.filter((r) => r !== row);
    this.touch();
    return true;
  }

  /** Call after changing a row in place: drops the cached orders. */
  touch(): void {
    this.version++;
    this.sorted.clear();
    this.lastFiltered = null;
  }

  /** findScenes(ids:) — every id must exist, in the order given; filter and paging are ignored. */
  findByIds(ids: readonly string[]): QueryResult<Row, Wire> {
    const rows = ids.map((raw) => {
      const id = parseStashId(raw);
      const row = this.byId.get(id);
      if (row === undefined) throw new Error(`${this.kind.noun} with id ${id} not found`);
      return row;
    });
    return {
      count: rows.length,
      items: rows.map((r) => this.kind.materialize(r)),
      matching: () => rows,
    };
  }

  query(filter: EntityFilter, find: FindFilter | null | undefined): QueryResult<Row, Wire> {
    const top = this.newestFew(filter, find);
    if (top) return top;
    const ordered = this.ordered(find);
    const matching = this.filtered(ordered.rows, ordered.key, filter, find?.q ?? null);
    const perPage = find?.per_page ?? 25;
    const page = find?.page != null && find.page >= 1 ? find.page : 1;
    const offset = (page - 1) * perPage;
    let rows: Row[];
    if (perPage < 0) rows = matching;
    else if (ordered.rotation !== null)
      rows = rotatedSlice(matching, ordered.rotation, offset, perPage);
    else rows = matching.slice(offset, offset + perPage);
    return {
      count: matching.length,
      items: rows.map((r) => this.kind.materialize(r)),
      matching: () => matching,
    };
  }

  /**
   * "The newest updated_at" (a timestamp sort, first page of a few rows, no filter) is what a
   * sync asks before every run, and Stash answers it from an index. After an edit the cached
   * order is gone; one linear scan answers it instead of re-sorting the whole table.
   */
  private newestFew(
    filter: EntityFilter,
    find: FindFilter | null | undefined,
  ): QueryResult<Row, Wire> | null {
    const sort = find?.sort;
    const perPage = find?.per_page ?? 25;
    const unfiltered =
      !filter.created_at &&
      !filter.updated_at &&
      !filter.id &&
      Object.keys(filter.flags ?? {}).length === 0 &&
      !find?.q;
    if (sort !== "updated_at" && sort !== "created_at") return null;
    if ((find?.page ?? 1) !== 1 || perPage < 1 || perPage > 10 || !unfiltered) return null;
    const direction = find?.direction === "DESC" ? "DESC" : "ASC";
    if (this.sorted.has(`${sort}:${direction}`)) return null;
    const kind = this.kind;
    const sign = direction === "DESC" ? -1 : 1;
    type Keyed = { row: Row; v: string; id: number };
    // Timestamps have one case, so comparing them as they are orders them as
    // compareSortValues does, without lower-casing two strings a row.
    const before = (v: string, id: number, b: Keyed) =>
      sign * (v < b.v ? -1 : v > b.v ? 1 : 0) || id - b.id;
    const first = (a: Keyed, b: Keyed) => before(a.v, a.id, b);
    const best: Keyed[] = [];
    for (const row of this.rows) {
      const v = sort === "updated_at" ? kind.updatedAt(row) : kind.createdAt(row);
      const id = kind.idOf(row);
      if (best.length === perPage && before(v, id, best[perPage - 1]!) >= 0) continue;
      const candidate = { row, v, id };
      best.push(candidate);
      best.sort(first);
      if (best.length > perPage) best.pop();
    }
    return {
      count: this.rows.length,
      items: best.map((b) => kind.materialize(b.row)),
      matching: () => this.ordered(find).rows,
    };
  }

  private ordered(find: FindFilter | null | undefined): {
    rows: Row[];
    key: string;
    rotation: number | null;
  } {
    const requested = find?.sort ?? "";
    const sort = requested === "" ? this.kind.defaultSort : requested;
    const direction = find?.direction === "DESC" ? "DESC" : "ASC";
    if (sort === null) {
      // Stash adds no ORDER BY without a sort, and SQLite may then return rows in any order
      // (it differs after writes, VACUUM or another query plan). Every unsorted call here
      // starts at a different row, so a client that pages without a sort sees the overlaps
      // and gaps it would meet on a real server.
      this.unsortedCalls++;
      const rotation = this.rows.length === 0 ? 0 : (this.unsortedCalls * 7919) % this.rows.length;
      return { rows: this.rows, key: "unsorted", rotation };
    }
    validateSort(sort, this.kind.sortKeys);
    const key = `${sort}:${direction}`;
    let rows = this.sorted.get(key);
    if (rows === undefined) {
      rows = this.sortRows(sort, direction);
      this.sorted.set(key, rows);
    }
    return { rows, key, rotation: null };
  }

  private sortRows(sort: string, direction: "ASC" | "DESC"): Row[] {
    const kind = this.kind;
    const sign = direction === "DESC" ? -1 : 1;
    if (sort === "id") return direction === "ASC" ? this.rows : [...this.rows].reverse();
    const materialize = (row: Row) => kind.materialize(row);
    let value: (row: Row) => SortValue;
    if (sort === "updated_at") value = (row) => kind.updatedAt(row);
    else if (sort === "created_at") value = (row) => kind.createdAt(row);
    else if (sort === "random" || sort.startsWith("random_")) {
      const seed = Number(sort.slice("random_".length)) || 0;
      value = (row) => Math.imul(kind.idOf(row) ^ seed, 0x9e3779b1) >>> 0;
    } else value = (row) => kind.sortValue(row, sort, materialize);
    const keyed = this.rows.map((row) => ({ row, v: value(row), id: kind.idOf(row) }));
    // Ties fall back to id so that paging a sorted list is stable, as Stash's own tie-breaker is.
    keyed.sort((a, b) => sign * compareSortValues(a.v, b.v) || a.id - b.id);
    return keyed.map((k) => k.row);
  }

  private filtered(rows: Row[], orderKey: string, filter: EntityFilter, q: string | null): Row[] {
    const flags = Object.entries(filter.flags ?? {});
    const hasCriteria =
      filter.created_at ||
      filter.updated_at ||
      filter.id ||
      flags.length > 0 ||
      (q !== null && q !== "");
    if (!hasCriteria) return rows;
    const key = JSON.stringify([orderKey, filter, q]);
    if (
      orderKey !== "unsorted" &&
      this.lastFiltered?.key === key &&
      this.lastFiltered.version === this.version
    ) {
      // Paging through one filter scans the table once, not once per page.
      return this.lastFiltered.rows;
    }
    const kind = this.kind;
    const materialize = (row: Row) => kind.materialize(row);
    const needle = q?.toLowerCase() ?? "";
    const out = rows.filter((row) => {
      if (filter.updated_at && !compareTimestamp(kind.updatedAt(row), filter.updated_at))
        return false;
      if (filter.created_at && !compareTimestamp(kind.createdAt(row), filter.created_at))
        return false;
      if (filter.id && !compareInt(kind.idOf(row), filter.id)) return false;
      for (const [name, wanted] of flags)
        if (kind.flag(row, name, materialize) !== wanted) return false;
      if (needle !== "" && !kind.searchText(row, materialize).toLowerCase().includes(needle))
        return false;
      return true;
    });
    if (orderKey !== "unsorted") this.lastFiltered = { key, version: this.version, rows: out };
    return out;
  }
}

export function validateSort(sort: string, allowed: readonly string[]): void {
  if (sort.startsWith("random_")) {
    const seed = sort.slice("random_".length);
    if (!/^\d+$/.test(seed)) throw new Error(`invalid random seed: ${seed}`);
    return;
  }
  if (!allowed.includes(sort)) throw new Error(`invalid sort: ${sort}`);
}

function rotatedSlice<Row>(rows: Row[], rotation: number, offset: number, count: number): Row[] {
  const out: Row[] = [];
  for (let i = offset; i < Math.min(offset + count, rows.length); i++) {
    const row = rows[(i + rotation) % rows.length];
    if (row !== undefined) out.push(row);
  }
  return out;
}
