/**
 * Alias grouping: an OSV record's id and its `aliases` name one vulnerability (CVE, GHSA, PYSEC, RUSTSEC, GO…).
 * Connected ids form a group (so A→B and C→B land together, transitively). The group's id is its CVE when it
 * has one (the smallest, for determinism), else its smallest id. Groups are computed on demand (a walk over
 * the alias links) and cached until the next `add`.
 */
export interface AliasGroup {
  readonly id: string;
  /** Every identifier of the group, sorted. */
  readonly members: readonly string[];
}

export class AliasIndex {
  private readonly links = new Map<string, string[]>();
  private readonly groups = new Map<string, AliasGroup>();

  add(id: string, aliases: readonly string[]): void {
    if (this.groups.size > 0) this.groups.clear();
    this.link(id, id);
    for (const alias of aliases) {
      this.link(id, alias);
      this.link(alias, id);
    }
  }

  group(id: string): AliasGroup {
    const cached = this.groups.get(id);
    if (cached !== undefined) return cached;
    const members = new Set<string>([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const other of this.links.get(next) ?? []) {
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

  private link(from: string, to: string): void {
    const list = this.links.get(from);
    if (list === undefined) this.links.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  }
}
