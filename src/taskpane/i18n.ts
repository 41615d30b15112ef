// Every word the task pane (and its browser preview) shows, Korean first, English second, in one table.
// The engine's own sentences (finding messages) live in src/core/findings/messages.ts; this file holds only the UI's.
import type { Lang, RuleId, Severity } from "../core/findings/findings";
import type { TableKind } from "../core/layout/detect-tables";
import type { Unit } from "../core/numbers/units";

export type { Lang };

type Text = Record<Lang, string>;

// Placeholders are written {name} and filled by `t`; keeping every entry a plain pair of strings lets a
// translator read the whole table at once.
export const UI = {
  tabsLabel: { ko: "작업", en: "Tasks" },
  "tab.check": { ko: "검증", en: "Check" },
  "tab.shortfalls": { ko: "부족재원", en: "Shortfalls" },
  "tab.templates": { ko: "템플릿", en: "Templates" },
  "tab.scenarios": { ko: "시나리오", en: "Scenarios" },

  "templates.intro": {
    ko: "사업 템플릿을 골라 새 시트나 선택한 셀에 넣고, 재원별 표를 붙여넣은 자료·파일·지난해 시트로 채웁니다.",
    en: "Pick a program template, insert it as a new sheet or at the selected cell, and fill its funding table from pasted text, a file or last year's sheet.",
  },
  "templates.catalog": { ko: "카탈로그", en: "Catalog" },
  "templates.catalogUrl": { ko: "카탈로그 주소 (https)", en: "Catalog address (https)" },
  "templates.catalogUrlHint": {
    ko: "비우면 내장 템플릿을 씁니다. 주소는 통합문서에 저장됩니다.",
    en: "Blank: the bundled templates. The address is saved in the workbook.",
  },
  "templates.load": { ko: "불러오기", en: "Load" },
  "templates.loading": { ko: "카탈로그를 불러오는 중…", en: "Loading the catalog…" },
  "templates.loadFailed": { ko: "카탈로그를 불러오지 못했습니다", en: "Could not load the catalog" },
  "templates.sourceBundled": { ko: "내장 카탈로그 {version} · 템플릿 {count}개", en: "Bundled catalog {version} · templates: {count}" },
  "templates.sourceRemote": { ko: "카탈로그 {version} · 템플릿 {count}개 · {url}", en: "Catalog {version} · templates: {count} · {url}" },
  "templates.notice": { ko: "카탈로그 안내", en: "About the catalog" },
  "templates.invalidTitle": { ko: "형식이 맞지 않아 뺀 템플릿 {count}개", en: "Templates left out as malformed: {count}" },
  "templates.invalidWho": { ko: "{who} (카탈로그 {index}번째)", en: "{who} (catalog entry {index})" },
  "templates.listLabel": { ko: "템플릿 목록", en: "Templates" },
  "templates.none": { ko: "쓸 수 있는 템플릿이 없습니다.", en: "No template is available." },
  "templates.kind.계속": { ko: "계속", en: "continuing" },
  "templates.kind.신규": { ko: "신규", en: "new" },
  "templates.years": { ko: "{first}~{last}년", en: "{first}–{last}" },
  "templates.insert": { ko: "삽입", en: "Insert" },
  "templates.year": { ko: "연도", en: "Year" },
  "templates.yearHint": { ko: "재원별 표의 연도: {first}~{last}년", en: "Funding table years: {first}–{last}" },
  "templates.bookYearHint": { ko: "{first}년도 세출예산 사업명세서", en: "{first} budget book page" },
  "templates.book": { ko: "예산서 서식", en: "budget-book page" },
  "templates.bookNewSheetHint": {
    ko: "예산서 서식은 시트 전체가 예산서 한 쪽으로 읽히므로 늘 새 시트에 넣습니다. 노란 칸에 재원·단가·수량을 넣으면 산출기초와 예산액이 계산됩니다.",
    en: "A budget-book page is read as a whole sheet, so it always goes on a new sheet. Type 재원, 단가 and counts in the yellow cells; 산출기초 and 예산액 follow.",
  },
  "templates.yearNotYear": { ko: "연도는 {min}~{max} 사이의 네 자리 숫자로 적으세요.", en: "Type the year as four digits between {min} and {max}." },
  "templates.yearOutside": {
    ko: "이 연도로 옮기면 재원별 표가 {first}~{last}년이 되어 {min}~{max}년을 벗어납니다.",
    en: "In that year the funding table would run {first}–{last}, outside {min}–{max}.",
  },
  "templates.withAmounts": { ko: "템플릿의 금액을 기본값으로 넣기", en: "Put the template's amounts in as defaults" },
  "templates.insertNew": { ko: "새 시트에 삽입", en: "Insert as new sheet" },
  "templates.insertHere": { ko: "선택한 셀에 삽입", en: "Insert at selected cell" },
  "templates.insertHereHint": {
    ko: "선택한 셀이 왼쪽 위가 됩니다. 선택 범위와 템플릿이 들어갈 자리가 비어 있어야 합니다.",
    en: "The selected cell becomes the top-left corner. The selection and the place the template takes must be empty.",
  },
  "templates.inserted": { ko: "'{sheet}' 시트에 {template} ({year}년)을 삽입했습니다 ({range}).", en: "Inserted {template} ({year}) on sheet '{sheet}' ({range})." },
  "templates.insertFailed": { ko: "템플릿을 삽입하지 않았습니다", en: "The template was not inserted" },
  "templates.selectionNotEmpty": {
    ko: "선택한 범위('{sheet}'!{range})에 값이 있어 아무것도 쓰지 않았습니다. 빈 셀을 선택하세요.",
    en: "The selected range ('{sheet}'!{range}) is not empty, so nothing was written. Select an empty cell.",
  },

  "fill.title": { ko: "채우기", en: "Fill" },
  "fill.intro": {
    ko: "선택한 셀이 있는 재원별 표(없으면 그 시트의 재원별 표)를 채웁니다. 예산서 쪽은 지난해 예산서에서 전년도예산액과 단가·수량을 옮깁니다. 쓰기 전에 무엇을 어디에 쓰는지 보여 줍니다.",
    en: "Fills the funding table at the selected cell (else the sheet's funding table); a budget-book page takes 전년도예산액, 단가 and counts from last year's book. Shows what goes where before writing.",
  },
  "fill.source": { ko: "자료", en: "Source" },
  "fill.source.text": { ko: "붙여넣기", en: "Paste" },
  "fill.source.file": { ko: "파일", en: "File" },
  "fill.source.sheet": { ko: "지난해 시트", en: "Last year's sheet" },
  "fill.format": { ko: "형식", en: "Format" },
  "fill.format.auto": { ko: "자동 (JSON 또는 표)", en: "Automatic (JSON or table)" },
  "fill.format.table": { ko: "표 (한글·Excel에서 복사)", en: "Table (copied from 한글 or Excel)" },
  "fill.format.csv": { ko: "CSV", en: "CSV" },
  "fill.format.json": { ko: "JSON", en: "JSON" },
  "fill.pasteLabel": { ko: "재원별 표", en: "Funding table" },
  "fill.pasteHint": {
    ko: "연도 머리행과 재원 행(계, 국비, 시비, 구비 …)을 함께 붙여넣으세요. 한 해 금액만 붙여넣을 때는 표에서 그 연도 열의 셀을 선택하세요.",
    en: "Paste the year header row with the source rows (계, 국비, 시비, 구비 …). For one year's amounts alone, select a cell of that year's column in the table.",
  },
  "fill.chooseFile": { ko: "CSV·JSON 파일 선택", en: "Choose a CSV or JSON file" },
  "fill.fileLabel": { ko: "채울 자료 파일", en: "File to fill from" },
  "fill.fileRead": { ko: "{file}: {chars}자 ({encoding}, {format})", en: "{file}: {chars} characters ({encoding}, {format})" },
  "fill.noFile": { ko: "선택한 파일이 없습니다.", en: "No file chosen." },
  "fill.sheetLabel": { ko: "지난해 시트", en: "Last year's sheet" },
  "fill.sheetHint": {
    ko: "그 시트의 재원별 표를 한 해 뒤로 옮깁니다: 첫 해는 빠지고, 새 마지막 해는 비어 있습니다.",
    en: "Moves that sheet's funding table one year on: its first year drops out, the new last year starts empty.",
  },
  "fill.readSheets": { ko: "시트 목록 읽기", en: "Read the sheet list" },
  "fill.noSheets": { ko: "재원별 표가 있는 시트가 없습니다.", en: "No sheet holds a funding table." },
  "fill.sheetsFailed": { ko: "시트 목록을 읽지 못했습니다", en: "Could not read the sheet list" },
  "fill.preview": { ko: "미리 보기", en: "Preview" },
  "fill.bookNoJson": {
    ko: "예산서 쪽은 지난해 예산서(시트, 붙여넣은 행이나 CSV)로 채웁니다. JSON은 재원별 표에만 씁니다.",
    en: "A budget-book page is filled from last year's book (a sheet, pasted rows or CSV); JSON is for funding tables only.",
  },
  "fill.previewFailed": { ko: "미리 보기를 만들지 못했습니다", en: "Could not prepare the preview" },
  "fill.previewLabel": { ko: "채우기 미리 보기", en: "Fill preview" },
  "fill.target": { ko: "대상: '{sheet}' {range}", en: "Target: '{sheet}' {range}" },
  "fill.noTarget": { ko: "채울 재원별 표를 정하지 못했습니다.", en: "No funding table to fill could be chosen." },
  "fill.units": { ko: "표 단위 {table} · 자료 단위 {input}", en: "Table unit {table} · source unit {input}" },
  "fill.noUnit": { ko: "없음", en: "none" },
  "fill.writes": { ko: "쓸 셀 {count}개", en: "Cells to write: {count}" },
  "fill.unchanged": { ko: "같은 값, 쓰지 않음", en: "same value, not written" },
  "fill.asText": { ko: "글자로", en: "as text" },
  "fill.blank": { ko: "(빈 셀)", en: "(blank)" },
  "fill.from": { ko: "출처: {where}", en: "From {where}" },
  "fill.problems": { ko: "문제 {count}건", en: "Problems: {count}" },
  "fill.overwrites": { ko: "이미 값이 있는 셀 {count}개를 덮어씁니다: {cells}", en: "{count} non-empty cell(s) would be overwritten: {cells}" },
  "fill.confirmOverwrite": { ko: "이 셀들을 덮어쓰는 것을 확인했습니다", en: "I confirm overwriting these cells" },
  "fill.write": { ko: "시트에 쓰기", en: "Write to sheet" },
  "fill.cancel": { ko: "취소", en: "Cancel" },
  "fill.written": { ko: "'{sheet}' 시트의 셀 {count}개를 채웠습니다 ({range}).", en: "Filled {count} cell(s) on sheet '{sheet}' ({range})." },
  "fill.notWritten": { ko: "쓰지 않는 값 {count}개: {list} (아래 문제 참고)", en: "{count} value(s) will not be written: {list} (see the problems below)" },
  "fill.writtenSkipped": { ko: "값 {count}개는 쓰지 않았습니다: {list}.", en: "{count} value(s) were not written: {list}." },
  "fill.more": { ko: "{list} 외 {count}개", en: "{list} and {count} more" },
  "fill.writeFailed": { ko: "채우지 않았습니다", en: "Nothing was filled" },
  "fill.changed": {
    ko: "미리 본 뒤 시트나 자료가 바뀌어 아무것도 쓰지 않았습니다. 새 미리 보기를 확인하세요.",
    en: "The sheet or the source changed after the preview, so nothing was written. Check the new preview.",
  },
  "fill.nothingToWrite": { ko: "쓸 값이 없습니다.", en: "There is nothing to write." },
  "fill.confirmFirst": { ko: "덮어쓸 셀 목록을 확인해야 씁니다.", en: "Confirm the cells to overwrite first." },
  "fill.sheetGone": { ko: "'{sheet}' 시트를 찾을 수 없습니다.", en: "There is no sheet '{sheet}'." },

  "scenario.intro": {
    ko: "상품권 발행액과 할인율을 바꾸면 국비·시비·구비 부담액이 바로 다시 계산됩니다.",
    en: "Change the gift certificates' issuance or discount and the national, city and district costs update at once.",
  },
  "scenario.terms": { ko: "할인 조건", en: "Discount terms" },
  "scenario.issuance": { ko: "발행액", en: "Issuance" },
  "scenario.unit": { ko: "금액 단위", en: "Amount unit" },
  "scenario.discountRate": { ko: "할인율", en: "Discount rate" },
  "scenario.discountSlider": { ko: "할인율 조절 (0~20%)", en: "Discount rate slider (0–20%)" },
  "scenario.cityRate": { ko: "시비 지원율", en: "City share" },
  "scenario.cityCap": { ko: "시비 상한액", en: "City cap" },
  "scenario.nationalRate": { ko: "국비 지원율", en: "National share" },
  "scenario.nationalVolume": { ko: "국비 지원 발행한도", en: "National supported volume" },
  "scenario.districtMinRate": { ko: "구비 의무 보전율", en: "District mandatory minimum" },
  "scenario.other": { ko: "기타 비용 (수수료·인쇄)", en: "Other costs (fees, printing)" },
  "scenario.hint.amount": { ko: "예: 300억. 단위가 없으면 {unit}", en: "e.g. 300억; without a unit: {unit}" },
  "scenario.hint.rate": { ko: "발행액 대비 %", en: "% of issuance" },
  "scenario.hint.noLimit": { ko: "비우면 한도 없음", en: "Blank: no limit" },
  "scenario.hint.other": { ko: "% 또는 금액, 구비 부담", en: "% or amount, paid by the district" },

  "scenario.results": { ko: "재원별 부담", en: "Cost by source" },
  "scenario.source": { ko: "재원", en: "Source" },
  "scenario.amount": { ko: "금액 ({unit})", en: "Amount ({unit})" },
  "scenario.share": { ko: "발행액 대비", en: "Of issuance" },
  "scenario.national": { ko: "국비", en: "National (국비)" },
  "scenario.city": { ko: "시비", en: "City (시비)" },
  "scenario.district": { ko: "구비", en: "District (구비)" },
  "scenario.total": { ko: "계", en: "Total" },
  "scenario.discountCost": { ko: "할인 비용 {amount} {unit} · 구비 의무 보전액 {minimum} {unit}", en: "Discount cost {amount} {unit} · district minimum {minimum} {unit}" },
  "scenario.binding.nationalVolume": { ko: "발행액이 국비 지원 발행한도를 넘어 한도까지만 국비가 지원됩니다.", en: "The issuance exceeds the national supported volume: national funds cover only up to it." },
  "scenario.binding.cityCap": { ko: "시비가 상한액에 걸렸습니다.", en: "The city's cap applies." },
  "scenario.binding.districtMinimum": {
    ko: "구비 의무 보전율이 적용되었습니다: 국비·시비는 의무 보전액을 뺀 나머지만 부담합니다.",
    en: "The district's mandatory minimum applies: national and city funds cover only what lies above it.",
  },
  "scenario.fixErrors": { ko: "입력을 고치면 결과가 나옵니다.", en: "Fix the inputs to see the results." },

  "scenario.workbook": { ko: "통합문서 예산과 비교", en: "Compare with the workbook's budget" },
  "scenario.workbookIntro": {
    ko: "통합문서의 재원별 소요예산 표에서 사업의 그 해 구비를 읽어 구비 부담액과 비교합니다.",
    en: "Reads the program's district funds (구비) for the year from the workbook's funding tables and compares.",
  },
  "scenario.readWorkbook": { ko: "재원별 표 읽기", en: "Read funding tables" },
  "scenario.rereadWorkbook": { ko: "다시 읽기", en: "Read again" },
  "scenario.read": { ko: "재원별 표 {count}개를 읽었습니다.", en: "Funding tables read: {count}." },
  "scenario.noPrograms": { ko: "재원별 소요예산 표(계·재원 × 연도)를 찾지 못했습니다.", en: "No funding table (total and sources by year) was found." },
  "scenario.program": { ko: "사업", en: "Program" },
  "scenario.year": { ko: "연도", en: "Year" },
  "scenario.budget": { ko: "{source} 예산 ({cell}): {budget} {unit}", en: "Budget, {source} ({cell}): {budget} {unit}" },
  "scenario.surplus": { ko: "여유 {amount} {unit}", en: "Surplus {amount} {unit}" },
  "scenario.shortfall": { ko: "부족 {amount} {unit}", en: "Shortfall {amount} {unit}" },
  "scenario.noBudget": { ko: "이 사업의 {year}년 구비가 표에 없습니다.", en: "The table has no district funds (구비) for {year}." },

  "scenario.sweep": { ko: "할인율별 구비 부담액", en: "District cost by discount rate" },
  "scenario.sweepFrom": { ko: "시작 할인율", en: "From" },
  "scenario.sweepTo": { ko: "끝 할인율", en: "To" },
  "scenario.sweepStep": { ko: "간격", en: "Step" },
  "scenario.sweepIssuances": { ko: "발행액 목록", en: "Issuance amounts" },
  "scenario.sweepIssuancesHint": { ko: "비우면 위 발행액. 예: 200억, 300억", en: "Blank: the issuance above. e.g. 200억, 300억" },
  "scenario.sweepCorner": { ko: "할인율", en: "Rate" },
  "scenario.sweepCaption": { ko: "구비 부담액 ({unit}), 행: 할인율, 열: 발행액", en: "District cost ({unit}); rows: rate, columns: issuance" },

  "scenario.pv": { ko: "현재가치", en: "Present value" },
  "scenario.pvSource": { ko: "자료", en: "Data" },
  "scenario.pvManual": { ko: "직접 입력", en: "Typed in" },
  "scenario.pvAmounts": { ko: "연도별 금액", en: "Amounts by year" },
  "scenario.pvAmountsHint": { ko: "첫 해부터 차례로, 공백이나 ;로 구분. 단위가 없으면 {unit}", en: "From the first year on, separated by spaces or \";\"; without a unit: {unit}" },
  "scenario.pvStartYear": { ko: "첫 해", en: "First year" },
  "scenario.pvRate": { ko: "사회적 할인율", en: "Social discount rate" },
  "scenario.pvRateHint": { ko: "예비타당성조사 기준 4.5% (2017년부터)", en: "4.5%: preliminary feasibility studies since 2017" },
  "scenario.pvBaseYear": { ko: "기준연도", en: "Base year" },
  "scenario.pvBaseYearHint": { ko: "비우면 첫 해", en: "Blank: the first year" },
  "scenario.pvSensitivity": { ko: "민감도 할인율", en: "Sensitivity rates" },
  "scenario.pvResult": { ko: "현재가치 {amount} {unit} ({rate}, {year}년 기준)", en: "Present value {amount} {unit} ({rate}, base year {year})" },
  "scenario.pvRoundingWhole": { ko: "정확히 계산한 뒤 {unit} 단위로 반올림해 보여 줍니다.", en: "Computed exactly, shown rounded to whole {unit}." },
  "scenario.pvRoundingDecimals": { ko: "정확히 계산한 뒤 {unit} 소수점 아래 {decimals}자리까지 반올림해 보여 줍니다.", en: "Computed exactly, shown rounded to {decimals} decimals of {unit}." },
  "scenario.pvNone": { ko: "연도별 금액을 넣거나 통합문서에서 사업을 고르면 현재가치를 계산합니다.", en: "Type amounts by year, or pick a program from the workbook, to get a present value." },
  "scenario.pvCaption": { ko: "할인율별 현재가치 ({unit})", en: "Present value by rate ({unit})" },

  "scenario.write": { ko: "시트에 쓰기", en: "Write to sheet" },
  "scenario.writeHint": {
    ko: "'시나리오' 시트를 만들거나 새로 씁니다. 결과는 입력 칸을 참조하는 수식이라 Excel에서 계속 바꿔 볼 수 있습니다.",
    en: "Creates or refreshes the 시나리오 sheet. Its results are formulas over its input cells, so you can keep changing them in Excel.",
  },
  "scenario.written": { ko: "{sheet} 시트에 썼습니다 ({range}).", en: "Wrote the {sheet} sheet ({range})." },
  "scenario.blocked": { ko: "잘못된 입력이 있어 아무것도 쓰지 않았습니다: {fields}", en: "Nothing was written; fix these first: {fields}" },

  "check.workbook": { ko: "통합문서 검사", en: "Check workbook" },
  "check.selection": { ko: "선택 영역 검사", en: "Check selection" },
  "check.reading": { ko: "통합문서를 읽는 중…", en: "Reading the workbook…" },
  "check.readingSelection": { ko: "선택 영역을 읽는 중…", en: "Reading the selection…" },
  "check.progress": { ko: "시트 검사 중 ({done}/{total})", en: "Checking sheets ({done}/{total})" },
  "check.intro": {
    ko: "통합문서의 모든 표에서 합계, 연도별 합계, 소요예산 제목과 미확보액을 검사합니다.",
    en: "Checks every table of the workbook: totals, multi-year totals, budget headlines and gaps.",
  },
  "check.summaryCounts": { ko: "오류 {errors} · 경고 {warnings} · 정보 {infos}", en: "Errors {errors} · Warnings {warnings} · Info {infos}" },
  "check.summaryTables": { ko: "표 {tables}개 검사 · {seconds}초", en: "Tables checked: {tables} · {seconds} s" },
  "check.summarySelection": { ko: "선택 영역", en: "Selection" },
  "check.summaryWorkbook": { ko: "통합문서 전체", en: "Whole workbook" },
  "check.noFindings": { ko: "문제가 없습니다.", en: "No findings." },
  "check.noTables": {
    ko: "검사하지 못했습니다: 합계가 어떤 항목의 합인지 확인할 수 있는 표가 없습니다. 표의 제목과 머리글(재원, 연도, 합계)이 함께 선택되었는지 확인하세요.",
    en: "Not checked: no table whose totals Yesan could confirm. Make sure the table's title and headers (sources, years, total) are included.",
  },
  "check.notChecked": {
    ko: "검사하지 못한 영역 {count}곳 (합계의 구성을 확인할 수 없음): {list}",
    en: "Not checked, {count} regions (what their totals add could not be confirmed): {list}",
  },
  "check.textLines": { ko: "본문", en: "Text lines" },
  "check.program": { ko: "세부사업 {name}", en: "Program {name}" },
  "check.book": {
    ko: "세출예산서 쪽 {pages}개, 세부사업 {programs}개 — 상하위 합계·재원·산출기초·비교증감 {relations}곳 검사",
    en: "Budget book: {pages} pages, {programs} programs; {relations} level totals, funding sources, bases and changes checked",
  },
  "check.bookMissing": {
    ko: "파일에 빠진 행이 있어 검사하지 못한 합계 {count}곳 (쪽 경계)",
    en: "{count} totals of the book not checked: rows are missing from the file at page breaks",
  },
  "check.table": { ko: "표 {range}", en: "Table {range}" },
  "check.findingsLabel": { ko: "검사 결과", en: "Findings" },
  "check.sheetCount": { ko: "{count}건", en: "Findings: {count}" },
  "check.expected": { ko: "기대값", en: "expected" },
  "check.actual": { ko: "실제값", en: "actual" },

  "action.mark": { ko: "시트에 표시", en: "Mark on sheet" },
  "action.clear": { ko: "표시 지우기", en: "Clear marks" },
  "action.report": { ko: "결과 시트 작성", en: "Write report sheet" },
  "action.chart": { ko: "차트 삽입", en: "Insert chart" },
  "action.dismiss": { ko: "닫기", en: "Dismiss" },
  "actionsLabel": { ko: "결과 작업", en: "Result actions" },

  "done.mark": { ko: "셀 {count}개를 표시했습니다.", en: "Cells marked: {count}." },
  "done.clear": { ko: "표시 {count}개를 지웠습니다.", en: "Marks cleared: {count}." },
  "done.report": { ko: "검증결과 시트를 작성했습니다.", en: "Wrote the 검증결과 (results) sheet." },
  "done.chart": { ko: "부족재원 차트를 삽입했습니다.", en: "Inserted the shortfall chart." },

  "fail.check": { ko: "통합문서를 읽지 못했습니다", en: "Could not read the workbook" },
  "fail.select": { ko: "셀로 이동하지 못했습니다", en: "Could not go to the cell" },
  "fail.mark": { ko: "시트에 표시하지 못했습니다", en: "Could not mark the sheet" },
  "fail.clear": { ko: "표시를 지우지 못했습니다", en: "Could not clear the marks" },
  "fail.report": { ko: "결과 시트를 작성하지 못했습니다", en: "Could not write the report sheet" },
  "fail.chart": { ko: "차트를 삽입하지 못했습니다", en: "Could not insert the chart" },
  "fail.scenarioRead": { ko: "통합문서의 사업 예산을 읽지 못했습니다", en: "Could not read the programs' budgets from the workbook" },
  // Shown by the 시나리오 tab itself, under its button (the write is caught there, see ScenarioTab.write).
  "fail.scenarioWrite": { ko: "시나리오 시트를 쓰지 못했습니다", en: "Could not write the scenario sheet" },

  "shortfall.runFirst": {
    ko: "먼저 검증 탭에서 통합문서 검사를 실행하세요. 부족재원(미확보액)은 검사 결과에서 모읍니다.",
    en: "Run the check on the Check tab first: shortfalls (unfunded amounts) are collected from its results.",
  },
  "shortfall.none": { ko: "미확보액이 있는 사업이 없습니다.", en: "No program has an unfunded amount." },
  "shortfall.intro": {
    ko: "사업별 미확보액 (괄호 안은 소요액 대비 비율)",
    en: "Unfunded amount per program (share of the need in brackets)",
  },
  "shortfall.total": { ko: "미확보액 합계", en: "Total unfunded" },
  "shortfall.totalAll": { ko: "모두 {unit}으로 환산", en: "All in {unit}" },
  "shortfall.noUnit": { ko: "단위 없음", en: "no unit" },
  "shortfall.noUnitNote": {
    ko: "단위를 알 수 없는 금액은 환산 합계에서 뺐습니다.",
    en: "Amounts with no known unit are left out of the combined total.",
  },
  "shortfall.count": { ko: "사업 {count}개", en: "Programs: {count}" },

  "severity.error": { ko: "오류", en: "Error" },
  "severity.warning": { ko: "경고", en: "Warning" },
  "severity.info": { ko: "정보", en: "Info" },

  "rule.total-mismatch": { ko: "합계 불일치", en: "Total mismatch" },
  "rule.total-rounding": { ko: "인쇄 반올림 차이", en: "Rounding on the page" },
  "rule.formula-range": { ko: "수식 범위", en: "Formula range" },
  "rule.headline-mismatch": { ko: "제목 금액 불일치", en: "Headline mismatch" },
  "rule.malformed-number": { ko: "잘못된 숫자", en: "Malformed number" },
  "rule.error-value": { ko: "Excel 오류 값", en: "Excel error value" },
  "rule.text-amount": { ko: "금액 칸의 글자", en: "Text in an amount cell" },
  "rule.file-repaired": { ko: "복구해 읽은 파일", en: "File read as repaired" },
  "rule.number-as-text": { ko: "텍스트 숫자", en: "Number stored as text" },
  "rule.hardcoded-total": { ko: "직접 입력한 합계", en: "Typed-in total" },
  "rule.not-calculated": { ko: "계산 안 된 수식", en: "Formula not calculated" },
  "rule.shortfall": { ko: "부족재원", en: "Shortfall" },
  "rule.rollup-mismatch": { ko: "상하위 합계 불일치", en: "Level total mismatch" },
  "rule.source-mismatch": { ko: "재원 합계 불일치", en: "Funding sources mismatch" },
  "rule.basis-mismatch": { ko: "산출기초 불일치", en: "Calculation basis mismatch" },
  "rule.change-mismatch": { ko: "비교증감 불일치", en: "Change mismatch" },
  "rule.amounts-as-text": { ko: "텍스트로 저장된 금액", en: "Amounts stored as text" },

  "kind.funding": { ko: "재원별 소요예산", en: "funding" },
  "kind.gap": { ko: "소요·확보·미확보", en: "need/secured/gap" },
  "kind.breakdown": { ko: "내역", en: "breakdown" },
  "kind.totals": { ko: "합계표", en: "totals" },

  "unit.원": { ko: "원", en: "won" },
  "unit.천원": { ko: "천원", en: "thousand won" },
  "unit.백만원": { ko: "백만원", en: "million won" },
  "unit.억원": { ko: "억원", en: "hundred million won" },
  "unit.조원": { ko: "조원", en: "trillion won" },

  "preview.open": { ko: "파일 열기", en: "Open file" },
  "preview.sample": { ko: "샘플 통합문서", en: "Sample workbook" },
  "preview.loading": { ko: "통합문서를 불러오는 중…", en: "Loading the workbook…" },
  "preview.openFailed": { ko: "{file}을(를) 열 수 없습니다", en: "Cannot open {file}" },
  "preview.kept": { ko: "지금 통합문서를 그대로 둡니다.", en: "The current workbook is kept." },
  "preview.sheetsLabel": { ko: "시트", en: "Sheets" },
  "preview.gridLabel": { ko: "{sheet} 시트의 셀", en: "Cells of sheet {sheet}" },
  "preview.empty": { ko: "빈 시트입니다.", en: "This sheet is empty." },
  "preview.noWorkbook": { ko: "열린 통합문서가 없습니다.", en: "No workbook is open." },
  "preview.paneLabel": { ko: "작업 창", en: "Task pane" },
  "preview.sheetLabel": { ko: "시트 보기", en: "Sheet view" },
  "preview.truncated": { ko: "처음 {rows}행, {cols}열까지만 보여 줍니다.", en: "Showing the first {rows} rows, up to column {cols}." },
  "preview.chart": { ko: "차트: {title} ({type}, 원본 {source})", en: "Chart: {title} ({type}, data {source})" },
  "preview.fileLabel": { ko: "열 .xlsx 파일", en: ".xlsx file to open" },
  "preview.fetchFailed": { ko: "내려받지 못했습니다 (HTTP {status}).", en: "It could not be downloaded (HTTP {status})." },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

/** The UI string for `key` in `lang`, with {name} placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars?: Record<string, string | number>): string {
  const text: string = UI[key][lang];
  if (vars === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const ruleLabel = (rule: RuleId, lang: Lang): string => t(lang, `rule.${rule}`);
export const severityLabel = (severity: Severity, lang: Lang): string => t(lang, `severity.${severity}`);
export const kindLabel = (kind: TableKind, lang: Lang): string => t(lang, `kind.${kind}`);
export const unitLabel = (unit: Unit, lang: Lang): string => t(lang, `unit.${unit}`);

/** Office's display language ("ko-KR", "en-US", …) to the pane's: English for en*, Korean otherwise. */
export function langFromOffice(displayLanguage?: string): Lang {
  return displayLanguage !== undefined && /^en(?:$|[-_])/i.test(displayLanguage.trim()) ? "en" : "ko";
}

/** A text in both languages from a function of the language: for errors and refusals that travel to other readers. */
export function both(f: (lang: Lang) => string): Record<Lang, string> {
  return { ko: f("ko"), en: f("en") };
}
