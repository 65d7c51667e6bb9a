/**
 * The data layer: finding the paper's published data, reading it into typed and validated
 * tables, and writing results with provenance.
 *
 * <pre>{@code
 * Dataset data = Dataset.resolve();          // MCA_DATA, then data/paper/, then a checked download
 * data.describe();                           // "paper data (mirror named by MCA_DATA)"
 * PaperFiles files = PaperFiles.of(data);
 * Table scored = files.scoredResponses();    // 9,148 rows, column types fixed by a Schema
 * Map<String, List<String>> stances = files.stanceLabels();
 * CsvOut.write(result, out.resolve("result.csv"));               // pandas' CSV format, atomic
 * CsvOut.toCsv(table, CsvOut.Style.POLARS);                     // polars' (NaN, true/false)
 * CsvRows.read(file).require("the prompt table", "prompt");     // schema-less records with lines
 * Provenance.of(data, seed, settings).writeTo(out);             // out/provenance.json
 * }</pre>
 *
 * <p>Bad input throws {@link org.mcalign.data.DataFormatException} (file, line, column, expected
 * schema); missing data throws {@link org.mcalign.data.DatasetUnavailableException} with a how-to.
 * Every file written goes through {@link org.mcalign.data.AtomicFiles}.
 */
package org.mcalign.data;
