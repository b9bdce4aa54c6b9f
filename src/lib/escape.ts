const ESCAPES = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]);

/**
 * Plain text made safe to place inside HTML text or a quoted attribute: for the HTML we hand to
 * other tools (the embed snippet, TimelineJS slides). Its own module, so the embed dialog does
 * not load the importers' entity tables. (The prerendered page uses numeric references: see
 * lib/prerender/staticList.ts.)
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES.get(c) ?? c);
}
