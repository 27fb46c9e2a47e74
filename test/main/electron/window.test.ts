import { describe, expect, it } from 'vitest';
import { labWindowOptions } from '../../../main/electron/window-options';
import {
  hardenSession,
  hardenWebContents,
  isVettedExternalUrl,
  type SessionLike,
  type WebContentsLike,
} from '../../../main/electron/security';
import { isTrustedSender } from '../../../main/ipc/bind-ipc';
import { contentSecurityPolicy } from '../../../main/csp';

describe('the lab window', () => {
  it('runs the page isolated, sandboxed, without Node, with our preload only', () => {
    const o = labWindowOptions('/app/preload/index.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict CSP: only its own scripts, no objects, no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

function fakeContents() {
  const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents: WebContentsLike = {
    setWindowOpenHandler: (h) => (openHandler = h),
    on: (event, l) => (listeners[event] = l),
  };
  const navigate = (event: string, url: string) => {
    let prevented = false;
    listeners[event]!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, open: (url: string) => openHandler!({ url }), navigate };
}

describe('window security rules', () => {
  it('denies every window.open, opening only vetted https links outside', () => {
    const opened: string[] = [];
    const f = fakeContents();
    hardenWebContents(f.contents, 'gradlab://app', (u) => opened.push(u));
    expect(f.open('https://arxiv.org/abs/1211.5063')).toEqual({ action: 'deny' });
    expect(f.open('http://arxiv.org/abs/1211.5063')).toEqual({ action: 'deny' });
    expect(f.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://arxiv.org/abs/1211.5063']);
  });

  it('blocks navigation and redirects to any other origin', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, 'gradlab://app', () => {});
    expect(f.navigate('will-navigate', 'gradlab://app/index.html')).toBe(false);
    expect(f.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(f.navigate('will-redirect', 'file:///tmp/x.html')).toBe(true);
    expect(f.navigate('will-navigate', 'not a url')).toBe(true);
  });

  it('refuses every permission request and check', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null;
    hardenSession({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      request!({}, p, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(check!({}, p)).toBe(false);
    }
  });

  it('vets external links: https, named hosts, no credentials', () => {
    expect(isVettedExternalUrl('https://github.com/x')).toBe(true);
    expect(isVettedExternalUrl('https://user:pw@github.com/x')).toBe(false);
    expect(isVettedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it("trusts IPC only from the main frame of the lab's own origin", () => {
    expect(isTrustedSender({ url: 'gradlab://app/index.html', parent: null }, 'gradlab://app')).toBe(true);
    expect(isTrustedSender({ url: 'gradlab://app/index.html', parent: {} }, 'gradlab://app')).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, 'gradlab://app')).toBe(false);
    expect(isTrustedSender(null, 'gradlab://app')).toBe(false);
  });
});
