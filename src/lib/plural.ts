/** "1 post", "3 posts"; words whose plural is not a bare "s" name it: plural(n, 'address', 'addresses'). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
