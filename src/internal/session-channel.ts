/** Tells the portal in other tabs of the same site that the session changed (sign-in, sign-out, expiry). */
export type SessionMessage = { type: 'signed-in' } | { type: 'signed-out'; reason: 'sign-out' | 'expired' };

const CHANNEL = 'customer-portal-session';

export function openSessionChannel(onMessage: (message: SessionMessage) => void): { post(message: SessionMessage): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<SessionMessage>) => onMessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
