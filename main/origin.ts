/**
 * scheme://host[:port] of a URL. WHATWG URL gives the opaque origin "null" for schemes it does not know
 * (such as our gradlab://), although Electron treats a registered standard scheme as a real origin.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}
