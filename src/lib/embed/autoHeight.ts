import type { Attachment } from 'svelte/attachments';
import { pymWidth, resizeMessages } from './resize.ts';

/**
 * On the root of an embedded page: posts the page's height to the host whenever it changes,
 * and again when pym's parent sends a width. Nothing else crosses the frame.
 */
export function autoHeight(childId: string | null, src: string): Attachment<HTMLElement> {
  return (root) => {
    if (window.parent === window) return;
    let last = -1;
    const send = (force = false) => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (!force && height === last) return;
      last = height;
      for (const m of resizeMessages(height, { childId, src })) window.parent.postMessage(m, '*');
    };
    const observer = new ResizeObserver(() => send());
    observer.observe(root);
    const onmessage = (ev: MessageEvent) => {
      if (ev.source === window.parent && pymWidth(ev.data, childId) !== null) send(true);
    };
    window.addEventListener('message', onmessage);
    send(true);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onmessage);
    };
  };
}
