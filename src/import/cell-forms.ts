import { quoted } from "../common/validators";
import { IdentifierSchemeSpec, schemeSpec, IdentifierScheme } from "../identifier/schemes";

/**
 * How spreadsheets write numbers, SIRENs and dates, read into the API's forms when the reading
 * is unambiguous ("12,5" → 12.5, "552 032 534" → "552032534", "15/03/2021" → "2021-03-15"),
 * refused with the value found and the form expected otherwise. Each reading that changed a
 * cell names what it did (`what`), for the report.
 */
export type CellReading = { value: unknown; what?: Reading } | { problem: string };

/** What a reading did, said of one cell and of several (the report counts them per column). */
export const READINGS = {
  decimalComma: ["decimal comma read as a point", "decimal commas read as points"],
  thousands: ["number with spaces between thousands read without them", "numbers with spaces between thousands read without them"],
  groupedSiren: ["SIREN written with spaces or dots read as 9 digits", "SIRENs written with spaces or dots read as 9 digits"],
  identifierForm: ["identifier written in another form read in its normal form", "identifiers written in other forms read in their normal form"],
  dayMonthYear: ["dd/mm/yyyy date read as YYYY-MM-DD", "dd/mm/yyyy dates read as YYYY-MM-DD"],
  excelMidnight: ["date-time at midnight (Excel) read as a date", "date-times at midnight (Excel) read as dates"],
  spaces: ["value with spaces around it trimmed", "values with spaces around them trimmed"],
} as const;
export type Reading = keyof typeof READINGS;

// Thousands separators French spreadsheets write: space, no-break space, narrow no-break space.
const GROUP = "[ \\u00A0\\u202F]";
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = new RegExp(`^-?(\\d{1,3}(${GROUP}\\d{3})+|\\d+)(,\\d+)?$`);
/** "1,234": 1.234 with a decimal comma, or 1234 with a thousands comma (English). */
const COMMA_THOUSANDS_LOOKALIKE = /^-?\d{1,3},\d{3}$/;

export const NUMBER_FORMS = "12.5, 12,5 or 1 234,5";

/**
 * A number cell. A comma is a decimal comma; spaces (also no-break) separate thousands. "1,234"
 * is refused as ambiguous unless the file is semicolon-separated (a French export: there the
 * comma is always decimal).
 */
export function readNumber(cell: string, delimiter: string): CellReading {
  if (PLAIN_NUMBER.test(cell)) return { value: Number(cell) };
  if (!DECIMAL_COMMA.test(cell)) return { problem: `${quoted(cell)} is not a number; write ${NUMBER_FORMS}` };
  if (COMMA_THOUSANDS_LOOKALIKE.test(cell) && delimiter !== ";") {
    const [whole, decimals] = cell.split(",");
    return { problem: `${quoted(cell)} is ambiguous in a file not separated by semicolons: write ${whole}.${decimals} or ${whole}${decimals}` };
  }
  const value = Number(cell.replace(new RegExp(GROUP, "g"), "").replace(",", "."));
  return { value, what: cell.includes(",") ? "decimalComma" : "thousands" };
}

/**
 * An identifier cell read by its scheme's one normalisation (src/identifier/schemes.ts): "552 032 534"
 * → 552032534, "https://ror.org/03yrm5c26" → 03yrm5c26. A cell written in another form whose normal
 * form fails the rule is refused quoting the cell; a cell already in its form is left to the rule.
 */
export function readIdentifierCell(spec: IdentifierSchemeSpec, cell: string): CellReading {
  const clean = spec.clean(cell);
  if (clean === cell) return { value: cell }; // the scheme's rule judges (and quotes) it
  const problem = spec.problem(clean, cell);
  if (problem) return { problem };
  return { value: clean, what: spec.scheme === IdentifierScheme.SIREN ? "groupedSiren" : "identifierForm" };
}

/** A SIREN cell: 9 digits, or grouped with spaces or dots ("552 032 534"); the Luhn check applies either way. */
export const readSiren = (cell: string): CellReading => readIdentifierCell(schemeSpec(IdentifierScheme.SIREN), cell);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const DATE_FORMS = "YYYY-MM-DD (2021-03-15) or dd/mm/yyyy (15/03/2021)";

/** Why year-month-day names no day ("30 February does not exist"), or undefined. */
function missingDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : "";
    return day < 1 || day > 31 ? `day ${day} does not exist` : `${day} ${MONTHS[month - 1]} does not exist${leap}`;
  }
  return undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TWO_DIGIT_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;
const EXCEL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)$/;

/** A real calendar day written YYYY-MM-DD (2023-02-30 is not): what the API and JSON files take. */
export const isIsoDate = (value: unknown): boolean => typeof value === "string" && ISO.test(value) && dateProblem(value) === undefined;

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * A date cell: YYYY-MM-DD as it is; dd/mm/yyyy (never mm/dd: "03/15/2021" is refused, month
 * 15 does not exist) and Excel's "2021-03-15 00:00:00" read as YYYY-MM-DD; anything else, or a
 * day that does not exist, refused saying why.
 */
export function readDate(cell: string): CellReading {
  const problem = dateProblem(cell);
  if (problem) return { problem };
  if (ISO.test(cell)) return { value: cell };
  const dmy = DAY_MONTH_YEAR.exec(cell);
  if (dmy) return { value: iso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])), what: "dayMonthYear" };
  return { value: EXCEL_DATE_TIME.exec(cell)![1], what: "excelMidnight" };
}

/** Why `value` is not a day written in a form readDate reads, or undefined. */
export function dateProblem(value: string): string | undefined {
  const found = quoted(value);
  const isoDate = ISO.exec(value);
  if (isoDate) {
    const missing = missingDay(Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3]));
    return missing && `${found}: ${missing}`;
  }
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) {
    const missing = missingDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    const order = Number(dmy[2]) > 12 ? " (dates are read dd/mm/yyyy, never mm/dd)" : "";
    return missing && `${found}: ${missing}${order}`;
  }
  const short = TWO_DIGIT_YEAR.exec(value);
  if (short) return `${found}: the year has 2 digits (19${short[3]} or 20${short[3]}?); write it with 4: ${short[1]}/${short[2]}/20${short[3]}`;
  const dateTime = EXCEL_DATE_TIME.exec(value);
  if (dateTime) {
    if (!/^00:00(:00)?$/.test(dateTime[2])) return `${found}: a date holds no time of day; write ${dateTime[1]}`;
    return dateProblem(dateTime[1]) && `${found}: ${dateProblem(dateTime[1])!.replace(/^"[^"]*": /, "")}`;
  }
  return `${found} is not a date; write ${DATE_FORMS}`;
}
