/** Why a fetch failed, in a word or two: the system's code (ECONNREFUSED, ENOTFOUND), a timeout, or its message. */
export function networkReason(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (e.name === 'TimeoutError') return 'no answer in time';
  return e.cause?.code ?? e.cause?.errors?.find((x) => x.code)?.code ?? e.cause?.message ?? e.message;
}
