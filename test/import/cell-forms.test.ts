import { dateProblem, readDate, readNumber, readSiren } from "../../src/import/cell-forms";
import { sirenProblem } from "../../src/common/validators";

describe("numbers as spreadsheets write them", () => {
  it.each([
    ["12.5", ",", { value: 12.5 }],
    ["-3", ";", { value: -3 }],
    ["12,5", ",", { value: 12.5, what: "decimalComma" }],
    ["1 234,5", ";", { value: 1234.5, what: "decimalComma" }],
    ["1\u00a0234,5", ";", { value: 1234.5, what: "decimalComma" }],
    ["1\u202f234\u202f567", ";", { value: 1234567, what: "thousands" }],
    ["1,234", ";", { value: 1.234, what: "decimalComma" }],
    ["1,234", ",", { problem: '"1,234" is ambiguous in a file not separated by semicolons: write 1.234 or 1234' }],
    ["1.234,5", ";", { problem: '"1.234,5" is not a number; write 12.5, 12,5 or 1 234,5' }],
    ["12 34", ";", { problem: '"12 34" is not a number; write 12.5, 12,5 or 1 234,5' }],
  ])("%j (separator %j)", (cell, delimiter, expected) => {
    expect(readNumber(cell, delimiter)).toEqual(expected);
  });
});

describe("SIRENs", () => {
  it.each([
    ["552032534", { value: "552032534" }],
    ["552 032 534", { value: "552032534", what: "groupedSiren" }],
    ["552.032.534", { value: "552032534", what: "groupedSiren" }],
    ["552\u00a0032\u00a0534", { value: "552032534", what: "groupedSiren" }],
    ["552 032 535", { problem: '"552 032 535": the check digit is wrong (Luhn)' }],
    ["552 032.534", { value: "552 032.534" }], // mixed separators: left to the SIREN rule, which quotes it
  ])("%j", (cell, expected) => {
    expect(readSiren(cell)).toEqual(expected);
  });

  it.each([
    ["552 032.534", '"552 032.534" is not a SIREN: 9 digits (552032534), the last a Luhn check digit'],
    ["55203253", '"55203253" is not a SIREN: 9 digits (552032534), the last a Luhn check digit'],
    ["12345674", '"12345674" has 8 digits: was a leading zero dropped (012345674)? Format the column as text'],
    ["5,52033E+08", '"5,52033E+08" is a number in scientific notation: format the column as text so that its 9 digits are kept'],
  ])("the SIREN rule says why %j is not one", (value, message) => {
    expect(sirenProblem(value)).toBe(message);
  });
});

describe("dates", () => {
  it.each([
    ["2021-03-15", { value: "2021-03-15" }],
    ["15/03/2021", { value: "2021-03-15", what: "dayMonthYear" }],
    ["5/3/2021", { value: "2021-03-05", what: "dayMonthYear" }],
    ["2021-03-15 00:00:00", { value: "2021-03-15", what: "excelMidnight" }],
    ["03/15/2021", { problem: '"03/15/2021": month 15 does not exist (dates are read dd/mm/yyyy, never mm/dd)' }],
    ["2023-02-30", { problem: '"2023-02-30": 30 February does not exist' }],
    ["29/02/2023", { problem: '"29/02/2023": 29 February does not exist (2023 is not a leap year)' }],
    ["31/04/2021", { problem: '"31/04/2021": 31 April does not exist' }],
    ["2021-13-01", { problem: '"2021-13-01": month 13 does not exist' }],
    ["32/01/2021", { problem: '"32/01/2021": day 32 does not exist' }],
    ["15/03/21", { problem: '"15/03/21": the year has 2 digits (1921 or 2021?); write it with 4: 15/03/2021' }],
    ["2021-03-15 14:30:00", { problem: '"2021-03-15 14:30:00": a date holds no time of day; write 2021-03-15' }],
    ["2021-02-30 00:00:00", { problem: '"2021-02-30 00:00:00": 30 February does not exist' }],
    ["15 mars 2021", { problem: '"15 mars 2021" is not a date; write YYYY-MM-DD (2021-03-15) or dd/mm/yyyy (15/03/2021)' }],
  ])("%j", (cell, expected) => {
    expect(readDate(cell)).toEqual(expected);
  });

  it("accepts 29 February in a leap year", () => {
    expect(dateProblem("29/02/2024")).toBeUndefined();
  });
});
