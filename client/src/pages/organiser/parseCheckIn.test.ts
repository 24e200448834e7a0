import { parseCheckIn } from "./CheckInDesk";

// The desk reads a meeting's QR code (its check-in URL) or a typed "id code"; ids are the shared pattern.
describe("reading a check-in at the desk", () => {
  const id = "0123456789abcdef01234567";
  const code = "Abc_def-0123456789";

  test("the QR code's URL, with the code anywhere in its query", () => {
    expect(parseCheckIn(`https://fair.example/check-in/${id}?code=${code}`)).toEqual({ id, code });
    expect(parseCheckIn(`https://fair.example/check-in/${id}?lang=vi&code=${code}`)).toEqual({ id, code });
  });

  test("an id and a code typed with spaces around", () => {
    expect(parseCheckIn(`  ${id}   ${code} `)).toEqual({ id, code });
  });

  test("anything else is no check-in", () => {
    const texts = [
      `${id.slice(1)} ${code}`,
      `${id.toUpperCase()} ${code}`,
      `${id} short`,
      `https://fair.example/check-in/${id}`,
      `x${id} ${code}`,
      "",
    ];
    for (const text of texts) expect(parseCheckIn(text)).toBeNull();
  });
});
