export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
