/** Every string stored under `key`, anywhere in a JSON value (nested objects and arrays included). */
export function stringsUnderKey(value: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) stringsUnderKey(v, key, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.push(v);
      else stringsUnderKey(v, key, out);
    }
  }
  return out;
}
