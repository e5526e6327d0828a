import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { idNumberCheckChar } from '@fazhi/core/ledgers/id-number';
import { buildRowSchema } from '@fazhi/core/ledgers/row-schema';
import type { AddRow } from './demo-lizhou-grassroots-figures.ts';

const family = '戚尤滕殷邬樊宁';
const given = ['长贵', '玉珍', '德兵', '小红', '建国', '翠华', '家荣', '秀兰', '天明'];
const name = (i: number) => `${family[i % family.length]}${given[(i * 4 + 1) % given.length]}`;
const pad = (v: number) => String(v).padStart(2, '0');
/** The same day `months` later (days stay at 28 or below, so the day always exists). */
const addMonths = (iso: string, months: number) => {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${iso.slice(8)}`;
};
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/**
 * 社区矫正对象 per 司法所: [received (year offset from last year, MM-DD), term in months, 矫正类别, 管理等级,
 * 电子定位, revoked on (收监, year offset and MM-DD) or none]. Released at the term's end once that day has come.
 * Smaller registers than 昭化区's (16 a 司法所), more 严管 and electronic monitoring, and two 撤销缓刑/假释 收监
 * (昭化区 none): last year 13 received and 9 released, 19 on the register at 31 December (15 carried in); this year
 * to 23 November 10 received and 9 released, 20 on the register.
 */
type Subject = [number, string, number, string, string, boolean, [number, string]?];
export const lizhouCorrections: Record<string, Subject[]> = {
  东坝街道: [
    [-2, '03-10', 36, 'probation', 'normal', false],
    [-2, '06-15', 24, 'probation', 'lenient', false],
    [-2, '09-20', 12, 'control', 'normal', false],
    [-1, '01-08', 18, 'probation', 'normal', false],
    [-1, '04-22', 24, 'parole', 'strict', true],
    [-1, '07-03', 36, 'probation', 'normal', false],
    [-1, '10-17', 12, 'probation', 'lenient', false],
    [-1, '12-05', 30, 'medical_parole', 'normal', false],
    [0, '01-14', 12, 'probation', 'normal', false],
    [0, '03-05', 24, 'probation', 'normal', false],
    [0, '04-18', 6, 'control', 'lenient', false],
    [0, '06-09', 18, 'parole', 'strict', true],
    [0, '08-21', 36, 'probation', 'normal', false],
    [0, '10-27', 12, 'probation', 'strict', true, [1, '05-12']],
    [1, '01-20', 24, 'probation', 'normal', false],
    [1, '03-16', 6, 'control', 'lenient', false],
    [1, '06-02', 12, 'parole', 'strict', true],
    [1, '09-11', 36, 'probation', 'normal', false],
  ],
  嘉陵街道: [
    [-2, '02-14', 30, 'probation', 'normal', false],
    [-2, '11-05', 12, 'control', 'normal', false],
    [-1, '03-26', 24, 'probation', 'normal', false],
    [-1, '08-19', 18, 'probation', 'lenient', false],
    [-1, '11-11', 36, 'parole', 'strict', true],
    [0, '02-25', 12, 'probation', 'normal', false],
    [0, '05-13', 6, 'probation', 'lenient', false],
    [0, '07-07', 24, 'medical_parole', 'normal', false],
    [0, '11-19', 18, 'probation', 'normal', false],
    [1, '02-09', 12, 'probation', 'normal', false],
    [1, '05-20', 24, 'parole', 'strict', true],
    [1, '08-26', 6, 'control', 'lenient', false],
  ],
  宝轮镇: [
    [-2, '05-06', 24, 'probation', 'normal', false],
    [-1, '02-17', 36, 'probation', 'normal', false],
    [-1, '06-24', 12, 'control', 'lenient', false],
    [-1, '09-09', 24, 'probation', 'strict', true, [0, '04-15']],
    [0, '03-18', 12, 'probation', 'normal', false],
    [0, '06-30', 24, 'parole', 'strict', true],
    [0, '09-22', 18, 'probation', 'normal', false],
    [1, '04-13', 12, 'probation', 'normal', false],
    [1, '10-15', 24, 'probation', 'normal', false],
    [1, '11-03', 12, 'control', 'lenient', false],
  ],
};

/**
 * Months (1–12) per 司法所 and year offset in which one subject's phone could not be located: 宝轮镇's hill villages
 * most often, 东坝街道 once last year, 嘉陵街道 once this year.
 */
export const lizhouUnlocated: Record<string, number[][]> = {
  东坝街道: [[9], []],
  嘉陵街道: [[], [4]],
  宝轮镇: [
    [3, 7, 8, 11],
    [2, 6],
  ],
};

/**
 * 利州区's 社区矫正 (all invented): the subjects above, each at its street's or town's 司法所, and every 司法所's
 * monthly supervision report dated the month's last day, its 在册人数 counted from the register at that day.
 * Releases after `today` are left out (the subject is still on the register); the caller drops rows dated after it.
 */
export function addLizhouCorrections(add: AddRow, year: number, today: string) {
  const parsed: AddRow = (typeKey, org, rowDate, data) => {
    const result = buildRowSchema(builtinLedger(typeKey)!).safeParse(data);
    if (!result.success) throw new Error(`demo ${typeKey}: ${result.error.message}`);
    add(typeKey, org, rowDate, result.data as Record<string, unknown>);
  };
  let n = 0;
  for (const [township, subjects] of Object.entries(lizhouCorrections)) {
    const office = `${township}司法所`;
    const register: { received: string; released: string | null }[] = [];
    for (const [offset, day, months, type, level, monitored, revoked] of subjects) {
      n++;
      const received = `${year - 1 + offset}-${day}`;
      const termEnd = addMonths(received, months);
      const end = revoked ? `${year - 1 + revoked[0]}-${revoked[1]}` : termEnd;
      const released = end <= today ? end : null;
      register.push({ received, released });
      const first17 = `510802${1965 + ((n * 11) % 36)}${pad(1 + ((n * 5) % 12))}${pad(1 + ((n * 7) % 28))}${500 + n}`;
      parsed('corrections_subject', office, received, {
        name: name(n),
        id_number: first17 + idNumberCheckChar(first17),
        gender: n % 5 === 0 ? 'female' : 'male',
        correction_type: type,
        received_date: received,
        term_end_date: termEnd,
        ...(released ? { released_date: released, release_kind: revoked ? 'revoked' : 'expired' } : {}),
        supervision_level: level,
        e_monitored: monitored,
      });
    }
    lizhouUnlocated[township]!.forEach((missed, offset) => {
      const y = year - 1 + offset;
      for (let m = 1; m <= 12; m++) {
        const day = monthEnd(y, m);
        const active = register.filter((s) => s.received <= day && (s.released === null || s.released > day)).length;
        parsed('corrections_location', office, day, {
          month_date: day,
          active_count: active,
          located_count: active - (missed.includes(m) ? 1 : 0),
          visits: active * 2,
          education_sessions: township === '宝轮镇' ? m % 2 : 1,
        });
      }
    });
  }
}
