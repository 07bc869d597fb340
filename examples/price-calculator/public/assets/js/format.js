// Money is kept in kopecks (integers) and formatted one way everywhere: "12 345,60 ₽".
// Plain spaces (not locale-specific narrow spaces) keep the text easy to assert; CSS stops wrapping.
export function formatRub(kopecks) {
  const rounded = Math.round(kopecks);
  const sign = rounded < 0 ? '−' : '';
  const absolute = Math.abs(rounded);
  const roubles = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = String(absolute % 100).padStart(2, '0');
  return `${sign}${roubles},${rest} ₽`;
}

/** Roubles (as in the JSON download) from kopecks, without floating-point noise. */
export function toRoubles(kopecks) {
  return Math.round(kopecks) / 100;
}
