/** Formatting instants (ns since the epoch) in a zone with a Go layout. */
import { civilOf, weekdayOf, yearDay, zoneAbbreviation, zoneOffset } from './civil.js';
import { DAYS, MONTHS, NAMED_LAYOUTS, chunks } from './go-layout.js';

const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

export function offsetText(off: number, std: string): string {
  if (std.startsWith('Z') && off === 0) return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  const form = std.replace(/^Z/, '-');
  switch (form) {
    case '-07':
      return sign + h;
    case '-0700':
      return sign + h + m;
    case '-07:00':
      return `${sign}${h}:${m}`;
    case '-070000':
      return sign + h + m + s;
    default:
      return `${sign}${h}:${m}:${s}`;
  }
}

/** Go prints the zone's abbreviation, or a numeric form (-05, +0530) for zones without one. */
function zoneAbbrev(zone: string, off: number, ns: bigint): string {
  const name = zoneAbbreviation(zone, ns);
  if (name !== undefined) return name;
  const a = Math.abs(off);
  const m = Math.floor((a % 3600) / 60);
  return (off < 0 ? '-' : '+') + pad(Math.floor(a / 3600), 2) + (m ? pad(m, 2) : '');
}

/** Formats an instant (ns since the epoch) in a zone with a Go layout. */
export function formatTime(ns: bigint, zone: string, layout: string): string {
  const off = zoneOffset(zone, ns);
  const c = civilOf(ns, off);
  let out = '';
  for (const ch of chunks(NAMED_LAYOUTS[layout] ?? layout)) {
    if ('lit' in ch) {
      out += ch.lit;
      continue;
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (ch.std) {
      case 'January':
        out += MONTHS[c.month - 1];
        break;
      case 'Jan':
        out += (MONTHS[c.month - 1] as string).slice(0, 3);
        break;
      case 'Monday':
        out += DAYS[weekdayOf(c)];
        break;
      case 'Mon':
        out += (DAYS[weekdayOf(c)] as string).slice(0, 3);
        break;
      case 'MST':
        out += zoneAbbrev(zone, off, ns);
        break;
      case '2006':
        out += pad(c.year, 4);
        break;
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case '1':
        out += String(c.month);
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '_2':
        out += String(c.day).padStart(2, ' ');
        break;
      case '2':
        out += String(c.day);
        break;
      case '002':
        out += pad(yearDay(c), 3);
        break;
      case '__2':
        out += String(yearDay(c)).padStart(3, ' ');
        break;
      case '15':
        out += pad(c.hour, 2);
        break;
      case '03':
        out += pad(h12, 2);
        break;
      case '3':
        out += String(h12);
        break;
      case '04':
        out += pad(c.minute, 2);
        break;
      case '4':
        out += String(c.minute);
        break;
      case '05':
        out += pad(c.second, 2);
        break;
      case '5':
        out += String(c.second);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'frac': {
        let f = pad(c.nanos, 9).slice(0, ch.digits);
        if (ch.trim) f = f.replace(/0+$/, '');
        if (f !== '') out += '.' + f;
        break;
      }
      default:
        out += offsetText(off, ch.std);
    }
  }
  return out;
}
