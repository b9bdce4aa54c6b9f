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

/** `base`, or `base-2`, `base-3`… — the first not in `used`, which it is then added to. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
