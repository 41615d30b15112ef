// exceljs's browser bundle ships without typings. It is the same API as the package's Node entry (built from the
// same sources), so its types are borrowed rather than retyped by hand.
declare module "exceljs/dist/exceljs.min.js" {
  import * as ExcelJS from "exceljs";
  export default ExcelJS;
}
