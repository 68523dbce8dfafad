/**
 * The time zone of every date the server writes for people: download file names, times in
 * exports, "today" of decisions and notices. `YIYUAN_TIME_ZONE` (default Asia/Shanghai, the zone
 * the web shows), set once when the configuration is loaded. No I/O.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let zone = DEFAULT_TIME_ZONE;
const formats = new Map<string, Intl.DateTimeFormat>();

/** Whether `name` is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Sets the configured zone (`loadConfig` does, from `YIYUAN_TIME_ZONE`). */
export function setTimeZone(name: string): void {
  if (!isTimeZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
  zone = name;
}

export const timeZone = (): string => zone;

function formatOf(name: string): Intl.DateTimeFormat {
  let f = formats.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: name,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(name, f);
  }
  return f;
}

/** A moment in the zone as `YYYY-MM-DD HH:mm:ss`. */
export function zonedDateTime(at: Date, name: string = zone): string {
  const p = Object.fromEntries(
    formatOf(name)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The day of a moment in the zone, `YYYY-MM-DD` (today by default). */
export const zonedDate = (at: Date = new Date(), name: string = zone): string =>
  zonedDateTime(at, name).slice(0, 10);
