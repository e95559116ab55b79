// The id a check-in carries, so the server records a retried or double-clicked
// check-in once. randomUUID exists only in secure contexts; getRandomValues
// everywhere modern; Math.random is the last resort for very old hosts.

export function newRequestId(): string {
  const c = typeof crypto === 'undefined' ? undefined : crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One id per attempt: the same input sent again (a retry after an error or a
 * lost reply) reuses it; changed input is a new check-in and gets a new id.
 */
export class Attempt {
  private current: { id: string; key: string } | undefined;

  idFor(input: unknown): string {
    const key = JSON.stringify(input);
    if (!this.current || this.current.key !== key) this.current = { id: newRequestId(), key };
    return this.current.id;
  }

  /** After a success: the next check-in is a new one even with the same input. */
  done(): void {
    this.current = undefined;
  }
}
