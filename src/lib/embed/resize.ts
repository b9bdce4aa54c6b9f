/**
 * Height messages for the host page, in the formats host pages already listen for. They carry
 * the frame's height and the id the host gave it, never what the reader is doing.
 */
export interface ResizeTarget {
  /** pym.js child id (`?childId=`), when the host uses pym. */
  childId: string | null;
  /** The address the host put in the iframe: Embedly's messages name their frame by it. */
  src: string;
}

export const DEFAULT_EMBED_ID = 'deportation-timeline';

export function resizeMessages(height: number, target: ResizeTarget): (string | object)[] {
  const px = Math.ceil(height);
  const id = target.childId ?? DEFAULT_EMBED_ID;
  const out: (string | object)[] = [
    { 'datawrapper-height': { [id]: px } },
    { sentinel: 'amp', type: 'embed-size', height: px },
    JSON.stringify({ src: target.src, context: 'iframe.resize', height: px }),
  ];
  if (target.childId) out.unshift(`pymxPYMx${target.childId}xPYMxheightxPYMx${px}`);
  return out;
}

/** pym's parent tells the child its width (and expects a height back): `pymxPYMx<id>xPYMxwidthxPYMx<px>`. */
export function pymWidth(data: unknown, childId: string | null): number | null {
  if (!childId || typeof data !== 'string') return null;
  const parts = data.split('xPYMx');
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== childId || parts[2] !== 'width') return null;
  const width = Number(parts[3]);
  return Number.isFinite(width) && width > 0 ? width : null;
}
