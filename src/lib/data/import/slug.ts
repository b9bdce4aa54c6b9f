/**
 * Ids for records that have none, made the way TimelineJS makes them (lower case, accents
 * dropped, `·/_,:;` and spaces to hyphens, other punctuation removed), so a derived id usually
 * matches the `#event-…` link TimelineJS gave the same slide. Two deliberate differences, both
 * to keep ids kebab-case: a leading digit is kept (TimelineJS prefixes "_"), and hyphens at the
 * ends are trimmed. Accents are removed by Unicode decomposition, which covers every accented
 * letter rather than TimelineJS's short list.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[·/_,:;\s]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export const isKebab = (s: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);

/**
 * Hands out `base`, then `base-2`, `base-3`… skipping ids already taken. It remembers where each
 * base got to, so a thousand slides headed "Update" cost a thousand steps, not half a million.
 */
export class IdPool {
  private readonly used: Set<string>;
  private readonly next = new Map<string, number>();
  constructor(taken: Iterable<string> = []) {
    this.used = new Set(taken);
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
  take(base: string): string {
    let n = this.next.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (this.used.has(id)) id = `${base}-${++n}`;
    this.next.set(base, n + 1);
    this.used.add(id);
    return id;
  }
}
