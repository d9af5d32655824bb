import { writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';

/**
 * Test fixture: a small two-sheet workbook written the way Excel writes one, with
 * rich-text shared strings, date styles, sparse rows and cells of every type.
 */

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <workbookPr DATE1904/>
  <sheets>
    <sheet name="Accounts" sheetId="1" r:id="rId1"/>
    <sheet name="Reps &amp; Co" sheetId="2" r:id="rId2"/>
  </sheets>
</workbook>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>`;

const SHARED_STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8">
  <si><t>id</t></si>
  <si><t>name</t></si>
  <si><r><t>Mül</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">ler &amp; Co </t></r><rPh sb="0" eb="1"><t>ミュ</t></rPh></si>
  <si><t>signed</t></si>
  <si><t>when</t></si>
  <si><t>0042</t></si>
  <si><t>rep</t></si>
  <si><t>capacity</t></si>
</sst>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="3">
    <numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>
    <numFmt numFmtId="165" formatCode="&quot;Day&quot;\\ 0"/>
    <numFmt numFmtId="166" formatCode="[Red]0.00"/>
  </numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="6">
    <xf numFmtId="0" fontId="0"/>
    <xf numFmtId="164" fontId="0" applyNumberFormat="1"/>
    <xf numFmtId="14" fontId="0" applyNumberFormat="1"/>
    <xf numFmtId="165" fontId="0" applyNumberFormat="1"/>
    <xf numFmtId="22" fontId="0" applyNumberFormat="1"/>
    <xf numFmtId="166" fontId="0" applyNumberFormat="1"/>
  </cellXfs>
</styleSheet>`;

const SHEET1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <dimension ref="A1:G6"/>
  <sheetData>
    <row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="inlineStr"><is><t>amount</t></is></c></row>
    <row r="2" spans="1:5"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="1"><v>45000</v></c><c r="E2"><v>1234567890123</v></c></row>
    <row r="4" spans="1:7"><c r="A4"><v>7</v></c><c r="C4" t="b"><v>0</v></c><c r="D4" s="4"><v>45000.75</v></c><c r="E4" s="3"><v>0.1</v></c><c r="F4" t="e"><v>#N/A</v></c><c r="G4" t="str"><f>A4*2</f><v>14</v></c></row>
    <row r="5" ht="20" customHeight="1"><c r="A5" s="5"/></row>
    <row><c t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c><c s="5"><v>3.3000000000000003</v></c><c s="2"><v>1.2E+3</v></c></row>
  </sheetData>
  <mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells>
</worksheet>`;

const SHEET2 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row r="3"><x:c r="B3" t="s"><x:v>6</x:v></x:c><x:c r="C3" t="s"><x:v>7</x:v></x:c><x:c r="D3"/></x:row>
    <x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>R1</x:t></x:is></x:c><x:c r="C4"><x:v>10</x:v></x:c></x:row>
  </x:sheetData>
</x:worksheet>`;

/** Writes the fixture workbook to `path`; `date1904` switches its date system. */
export function writeTestXlsx(path: string, date1904 = false): void {
  const zip = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(WORKBOOK.replace('DATE1904', date1904 ? 'date1904="1"' : '')),
    'xl/_rels/workbook.xml.rels': strToU8(RELS),
    'xl/sharedStrings.xml': strToU8(SHARED_STRINGS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(SHEET1),
    // Stored, not deflated: both zip methods get read.
    'xl/worksheets/sheet2.xml': [strToU8(SHEET2), { level: 0 }],
  });
  writeFileSync(path, zip);
}

/** Writes a zip that is not a workbook. */
export function writeTestZip(path: string): void {
  writeFileSync(path, zipSync({ 'readme.txt': strToU8('hello') }));
}
