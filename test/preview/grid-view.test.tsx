/** @jest-environment jsdom */
// The preview's grid shows numbers as Excel shows them in their cells' number formats.
import "../taskpane/setup";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GridView } from "../../src/preview/GridView";
import { FakeWorkbookModel } from "../../src/preview/fake-excel/model";

test("numbers in their formats: amounts, rates, years, factors; no format keeps thousands grouping", () => {
  const model = FakeWorkbookModel.fromGrid({
    sheets: [
      {
        name: "시나리오",
        merges: [],
        cells: [
          [
            { v: 1767600, z: "#,##0" },
            // 15.05 − 15 in floating point, as Excel computes a difference; "#,##0.00" shows 0.05.
            { v: 15.05 - 15, z: "#,##0.00" },
            { v: 0.05, z: "0.00%" },
            { v: 2021, z: "0" },
            { v: 1 / 1.045, z: "0.000000" },
            { v: 1767600 },
            { v: -90600, z: "#,##0;[Red]-#,##0" },
          ],
        ],
      },
    ],
  });
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <GridView model={model} lang="ko" />
    </FluentProvider>,
  );
  const shown = ["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((ref) => container.querySelector(`td[data-cell="${ref}"]`)?.textContent);
  expect(shown).toEqual(["1,767,600", "0.05", "5.00%", "2021", "0.956938", "1,767,600", "-90,600"]);
});
