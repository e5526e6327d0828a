/** `张三` → `张*`, `欧阳娜娜` → `欧***`; several names separated by 、，, or spaces are masked one by one. */
export function maskPersonName(value: string): string {
  return value
    .split(/([、，,；;\s]+)/)
    .map((part, i) =>
      i % 2 === 1 || part.length === 0 ? part : `${part.slice(0, 1)}${'*'.repeat(part.length - 1 || 1)}`,
    )
    .join('');
}
