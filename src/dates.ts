/** Earliest and latest calendar day (YYYY-MM-DD) a reduced-precision EDTF date can mean. */
export function dateBounds(value: string): { earliest: string; latest: string } {
  const plain = value.replace(/[~?%]$/, '');
  const [year, month, day] = plain.split('-');
  if (day) return { earliest: plain, latest: plain };
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { earliest: `${year}-${month}-01`, latest: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  return { earliest: `${year}-01-01`, latest: `${year}-12-31` };
}
