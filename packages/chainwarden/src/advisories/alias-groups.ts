/**
 * Alias grouping: an OSV record's id and its `aliases` name one vulnerability (CVE, GHSA, PYSEC, RUSTSEC, GO…).
 * Connected ids form a group (so A→B and C→B land together, transitively). The group's id is its CVE when it
 * has one (the smallest, for determinism), else its smallest id. Groups are computed on demand (a walk over
 * the alias links) and cached until the next change.
 *
 * Each record's aliases are kept as that record's own statement: `set` replaces them, so a record updated
 * without an alias no longer joins groups through it (a link stays while any record still states it).
 */
export interface AliasGroup {
  readonly id: string;
  /** Every identifier of the group, sorted. */
  readonly members: readonly string[];
}

export class AliasIndex {
  /** id → the aliases its record states (deduplicated, without the id itself). */
  private readonly stated = new Map<string, readonly string[]>();
  /** Undirected links with the number of records stating each one. */
  private readonly links = new Map<string, Map<string, number>>();
  private readonly groups = new Map<string, AliasGroup>();

  /** Records `id` with exactly these aliases, replacing what an earlier version of the record said. */
  set(id: string, aliases: readonly string[]): void {
    if (this.groups.size > 0) this.groups.clear();
    this.delete(id);
    const unique = [...new Set(aliases)].filter((a) => a !== id);
    this.stated.set(id, unique);
    if (!this.links.has(id)) this.links.set(id, new Map());
    for (const alias of unique) {
      this.link(id, alias, 1);
      this.link(alias, id, 1);
    }
  }

  /** Adds aliases to what `id` already states (links between ids known from elsewhere, e.g. VEX statements). */
  add(id: string, aliases: readonly string[]): void {
    this.set(id, [...(this.stated.get(id) ?? []), ...aliases]);
  }

  /** Forgets the record `id` and the links only it stated. */
  delete(id: string): void {
    const before = this.stated.get(id);
    if (before === undefined) return;
    if (this.groups.size > 0) this.groups.clear();
    this.stated.delete(id);
    for (const alias of before) {
      this.link(id, alias, -1);
      this.link(alias, id, -1);
    }
  }

  group(id: string): AliasGroup {
    const cached = this.groups.get(id);
    if (cached !== undefined) return cached;
    const members = new Set<string>([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const other of this.links.get(next)?.keys() ?? []) {
        if (!members.has(other)) {
          members.add(other);
          queue.push(other);
        }
      }
    }
    const sorted = [...members].sort();
    const group: AliasGroup = { id: sorted.find((m) => m.startsWith('CVE-')) ?? sorted[0] ?? id, members: sorted };
    for (const m of sorted) this.groups.set(m, group);
    return group;
  }

  /** How many groups the recorded ids fall into (union-find over the stated links: no group lists built). */
  groupCount(): number {
    const parent = new Map<string, string>();
    const root = (x: string): string => {
      let r = x;
      for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
      for (let y = x, p = parent.get(y); p !== undefined && p !== r; y = p, p = parent.get(y)) parent.set(y, r);
      return r;
    };
    for (const [id, aliases] of this.stated) {
      if (!parent.has(id)) parent.set(id, id);
      for (const alias of aliases) {
        if (!parent.has(alias)) parent.set(alias, alias);
        const a = root(id);
        const b = root(alias);
        if (a !== b) parent.set(a, b);
      }
    }
    const roots = new Set<string>();
    for (const id of this.stated.keys()) roots.add(root(id));
    return roots.size;
  }

  private link(from: string, to: string, delta: 1 | -1): void {
    let counts = this.links.get(from);
    if (counts === undefined) this.links.set(from, (counts = new Map<string, number>()));
    const n = (counts.get(to) ?? 0) + delta;
    if (n > 0) counts.set(to, n);
    else counts.delete(to);
    if (counts.size === 0 && !this.stated.has(from)) this.links.delete(from);
  }
}
