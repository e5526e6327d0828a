export async function reportCommand(_args: string[]) {
  throw new Error('尚未实现');
}
