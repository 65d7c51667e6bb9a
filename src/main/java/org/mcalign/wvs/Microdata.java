package org.mcalign.wvs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over the EVS/WVS joint microdata CSV. It never holds the file: it keeps,
 * per (country, interview language) cell, the sum of weights {@code gwght × pwght} per
 * (candidate item, answer code) and the number of valid answers, the item maxima over the whole
 * file, the total {@code gwght} per cell (for a country's main language), and, for the
 * self-consistency samples, each respondent's weight, cell and four bits per candidate item in a
 * temporary file ({@link RowSpill}: the heap does not grow with respondents × items). Everything
 * the paper computes follows from these. {@link #close()} releases the temporary file; it is
 * unlinked from the start, so an unclosed one is gone when the process ends.
 */
public final class Microdata implements AutoCloseable {
  /** Required metadata columns ({@code EXTRA_COLUMNS} of the paper). */
  public static final List<String> REQUIRED = List.of("cntry_AN", "gwght", "pwght", "lnge_iso");

  /** Codes 0…{@value #CODES}-1 are histogrammed; a kept item has no valid code above 11. */
  static final int CODES = ProRule.MAX_MAXIMUM + 1;

  private static final long NO_MAXIMUM = Long.MIN_VALUE;

  /** Reports progress of a pass (called every few megabytes and at the end). */
  @FunctionalInterface
  public interface Progress {
    void update(long bytesRead, long totalBytes, long respondents);

    Progress NONE = (b, t, r) -> {};
  }

  final String source;
  Path file; // null when read from a stream
  final String[] items;
  final long[] maxima;
  final List<String> countries = new ArrayList<>();
  final List<String> languages = new ArrayList<>();
  // per cell
  final List<int[]> cellKeys = new ArrayList<>(); // {country, language}
  final List<double[]> weightHistograms = new ArrayList<>(); // [item * CODES + code]
  final List<int[]> validCounts = new ArrayList<>(); // [item]
  double[] cellGwght = new double[16];
  long[] cellRespondents = new long[16];
  // the rows for self-consistency: 4 bits per (respondent, item), codes 0..11
  final RowSpill rows;
  long respondents;
  long bytes;
  long checksum;
  String sha256;
  long emptyWeights;

  private Microdata(String source, String[] items) {
    this.source = source;
    this.items = items;
    this.maxima = new long[items.length];
    Arrays.fill(maxima, NO_MAXIMUM);
    this.rows = new RowSpill((items.length + 1) / 2);
  }

  /** Reads a microdata file in one pass. */
  public static Microdata read(Path file) {
    return read(file, Progress.NONE);
  }

  /** Reads a microdata file in one pass, reporting progress. */
  public static Microdata read(Path file, Progress progress) {
    String name = file.getFileName().toString();
    if (Files.isDirectory(file)) throw new MicrodataFormatException(name, 0, file + " is a folder, expected the microdata CSV file");
    try (InputStream in = Files.newInputStream(file)) {
      Microdata m = read(in, name, Files.size(file), progress);
      m.file = file;
      return m;
    } catch (NoSuchFileException e) {
      throw new MicrodataFormatException(name, 0, "no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + org.mcalign.data.IoMessages.describe(e, file), e);
    }
  }

  /** Reads microdata from a stream; {@code name} names it in errors, {@code totalBytes} may be -1. */
  public static Microdata read(InputStream raw, String name, long totalBytes, Progress progress)
      throws IOException {
    // two helper threads: one reads ahead and takes the checksums (provenance.json records the
    // file's SHA-256, so the file is not read a second time for it), one splits records into fields
    try (ReadAhead in = new ReadAhead(raw, name); TokenizedRecords csv = new TokenizedRecords(in, name)) {
      if (!csv.next()) throw new MicrodataFormatException(name, 1, "empty file: expected a header row");
      Header h = Header.of(csv, name);
      Microdata m = new Microdata(name, h.items);
      try {
        m.pass(csv, h, totalBytes, progress);
        if (m.respondents == 0) {
          throw new MicrodataFormatException(name, 0, "no respondents: the file has a header row but no data rows");
        }
      } catch (RuntimeException | IOException e) {
        m.close();
        throw e;
      }
      m.bytes = csv.bytesRead();
      m.checksum = in.crc32c();
      m.sha256 = in.sha256();
      progress.update(m.bytes, totalBytes, m.respondents);
      return m;
    } catch (CsvRecords.CsvSyntaxException e) {
      throw new MicrodataFormatException(name, e.line, e.getMessage());
    }
  }

  /** Column positions of the header. */
  private record Header(int width, int country, int language, int gwght, int pwght, String[] items, int[] itemFields) {
    static Header of(TokenizedRecords csv, String name) {
      Map<String, Integer> index = new HashMap<>();
      List<String> items = new ArrayList<>();
      List<Integer> fields = new ArrayList<>();
      for (int f = 0; f < csv.fieldCount(); f++) {
        String col = csv.text(f);
        if (f == 0 && col.startsWith("\uFEFF")) col = col.substring(1); // a UTF-8 byte-order mark
        if (index.putIfAbsent(col, f) != null) {
          throw new MicrodataFormatException(name, 1, "column '" + col + "' appears twice in the header");
        }
        if (ProRule.isCandidate(col)) {
          items.add(col);
          fields.add(f);
        }
      }
      List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new MicrodataFormatException(name, 1,
            "missing required column(s) " + missing + " in the header; expected the EVS/WVS joint"
                + " CSV format with columns " + REQUIRED + " and item columns B…, C…, D…, E…, F…, H…");
      }
      return new Header(csv.fieldCount(), index.get("cntry_AN"), index.get("lnge_iso"),
          index.get("gwght"), index.get("pwght"), items.toArray(String[]::new),
          fields.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private void pass(TokenizedRecords csv, Header h, long totalBytes, Progress progress) throws IOException {
    Pass pass = new Pass(csv, h);
    long nextReport = 8L << 20;
    while (csv.next()) {
      pass.row();
      if (csv.bytesRead() >= nextReport) {
        progress.update(csv.bytesRead(), totalBytes, respondents);
        nextReport = csv.bytesRead() + (8L << 20);
      }
    }
  }

  /**
   * The pass's state and its work on one record. A method per row rather than the loop's body:
   * a loop that runs once is compiled only after tens of thousands of rounds (60,000 here: a
   * third of the file ran in the interpreter), a method called per row after a few hundred.
   */
  private final class Pass {
    private final TokenizedRecords csv;
    private final Header h;
    private final Interner countryNames = new Interner(countries);
    private final Interner languageNames = new Interner(languages);
    private final Map<Long, Integer> cellIndex = new HashMap<>();
    private int lastCountry = -1;
    private int lastLanguage = -1;
    private int cell = -1;
    private double[] hist;
    private int[] counts;

    Pass(TokenizedRecords csv, Header h) {
      this.csv = csv;
      this.h = h;
    }

    void row() {
      long line = csv.line();
      if (csv.fieldCount() != h.width) {
        throw new MicrodataFormatException(source, line,
            "has " + csv.fieldCount() + " fields, the header has " + h.width
                + (csv.endedWithoutNewline() ? " (the last line is truncated)" : ""));
      }
      byte[] b = csv.buffer();
      int country = countryNames.index(b, csv.start(h.country), csv.end(h.country));
      int language = languageNames.index(b, csv.start(h.language), csv.end(h.language));
      double g = weight(csv, h.gwght, line, "gwght");
      double w = g * weight(csv, h.pwght, line, "pwght");
      if (country != lastCountry || language != lastLanguage) {
        long key = ((long) country << 32) | language;
        Integer c = cellIndex.get(key);
        if (c == null) {
          c = newCell(country, language);
          cellIndex.put(key, c);
        }
        cell = c;
        hist = weightHistograms.get(cell);
        counts = validCounts.get(cell);
        lastCountry = country;
        lastLanguage = language;
      }
      cellGwght[cell] += g;
      cellRespondents[cell]++;
      int rowBase = rows.append(w, cell);
      int bad = codes(b, csv.starts(), csv.ends(), csv.base(), h.itemFields, maxima, hist, counts, rows.buffer(), rowBase, w);
      if (bad >= 0) {
        int f = h.itemFields[bad];
        throw new MicrodataFormatException(source, line,
            "column '" + items[bad] + "' (field " + (f + 1) + "): expected an integer answer code,"
                + " found '" + csv.text(f) + "'");
      }
      respondents++;
    }
  }

  /**
   * One respondent's answer codes: the item maxima, and for codes 1…11 the cell's weight
   * histogram, valid counts and the row's four bits per item. Returns the index of the first
   * item whose field is not an integer code, or -1. Its own method, for the compiler: the pass
   * around it runs once, so it is compiled on the stack, and each time a rare event of the
   * pass (a new country, a flush) first occurred after such a compilation, the compiled loop was
   * thrown away; this loop is compiled by C2 on its own ({@code jit-startup.json}), and it is
   * small, so compiling it again after a branch it had not seen is cheap.
   */
  static int codes(byte[] b, int[] starts, int[] ends, int base, int[] itemFields, long[] max, double[] hist, int[] counts,
      byte[] block, int rowBase, double w) {
    for (int i = 0; i < itemFields.length; i++) {
      int f = base + itemFields[i];
      int s = starts[f];
      int e = ends[f];
      if (s == e) continue; // empty: missing, as a null in the paper's reader
      long code = parseCode(b, s, e);
      if (code == BAD) return i;
      max[i] = Math.max(max[i], code);
      if (code > 0 && code < CODES) {
        hist[i * CODES + (int) code] += w;
        counts[i]++;
        block[rowBase + (i >> 1)] |= (byte) (code << ((i & 1) << 2));
      }
    }
    return -1;
  }

  private int newCell(int country, int language) {
    int c = cellKeys.size();
    cellKeys.add(new int[] {country, language});
    weightHistograms.add(new double[items.length * CODES]);
    validCounts.add(new int[items.length]);
    if (c == cellGwght.length) {
      cellGwght = Arrays.copyOf(cellGwght, c * 2);
      cellRespondents = Arrays.copyOf(cellRespondents, c * 2);
    }
    return c;
  }

  private double weight(TokenizedRecords csv, int field, long line, String column) {
    int s = csv.start(field);
    int e = csv.end(field);
    if (s == e) { // a null weight adds nothing to any sum in the paper's code
      emptyWeights++;
      return 0;
    }
    double fast = plainDecimal(csv.buffer(), s, e);
    if (fast >= 0) return fast;
    String text = csv.text(field);
    double w;
    try {
      w = Double.parseDouble(text);
    } catch (NumberFormatException ex) {
      w = Double.NaN;
    }
    // NaN and infinite weights turn every sum they enter into NaN, negative ones into nonsense
    if (!Double.isFinite(w) || w < 0) {
      throw new MicrodataFormatException(source, line,
          "column '" + column + "' (field " + (field + 1) + "): a weight must be a finite number >= 0, found '" + text
              + "'; correct that respondent's weight or remove the row");
    }
    return w;
  }

  private static final double[] POWERS_OF_TEN = new double[23]; // all exact doubles

  static {
    POWERS_OF_TEN[0] = 1;
    for (int k = 1; k < POWERS_OF_TEN.length; k++) POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
  }

  /**
   * A weight such as {@code 1.0} or {@code 0.873468} without creating strings (they were most of
   * the reading pass's garbage, which let the heap, and so the peak RSS, grow with the number of
   * respondents), or -1 when the text is anything else (then {@link Double#parseDouble} decides).
   * With at most 15 significant digits and 22 decimals, both m and 10^k are exact doubles, so the
   * correctly rounded m / 10^k is exactly what {@code Double.parseDouble} returns.
   */
  static double plainDecimal(byte[] b, int s, int e) {
    long m = 0;
    int digits = 0;
    int significant = 0; // digits from the first non-zero one
    int decimals = -1; // -1 before the point
    for (int p = s; p < e; p++) {
      int d = b[p] - '0';
      if (d >= 0 && d <= 9) {
        m = m * 10 + d;
        digits++;
        if (m != 0) significant++;
        if (decimals >= 0) decimals++;
      } else if (b[p] == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return -1;
      }
    }
    if (digits == 0 || significant > 15 || decimals >= POWERS_OF_TEN.length) return -1;
    return decimals <= 0 ? (double) m : m / POWERS_OF_TEN[decimals];
  }

  static final long BAD = Long.MAX_VALUE;

  /** Parses an integer code ({@code -3}, {@code 4}, also {@code 4.0}); BAD if it is not one. */
  static long parseCode(byte[] b, int s, int e) {
    if (e - s == 1) { // most answers: one digit
      int d = b[s] - '0';
      if (d >= 0 && d <= 9) return d;
    }
    boolean negative = false;
    if (b[s] == '-' || b[s] == '+') {
      negative = b[s] == '-';
      s++;
    }
    if (s == e) return BAD;
    long v = 0;
    int p = s;
    for (; p < e; p++) {
      int d = b[p] - '0';
      if (d < 0 || d > 9) break;
      if (p - s >= 18) return BAD;
      v = v * 10 + d;
    }
    if (p == s) return BAD;
    if (p < e) { // only a fraction of zeros is allowed: "4.0"
      if (b[p] != '.') return BAD;
      for (p++; p < e; p++) if (b[p] != '0') return BAD;
    }
    return negative ? -v : v;
  }

  // ---- read-only views ----

  /** The file read, when read from a file. */
  public java.util.Optional<Path> file() {
    return java.util.Optional.ofNullable(file);
  }

  /** The file's name (never its folder). */
  public String source() {
    return source;
  }

  public long respondents() {
    return respondents;
  }

  /** Bytes read. */
  public long bytes() {
    return bytes;
  }

  /** CRC-32C of the bytes read, as hex. */
  public String crc32c() {
    return String.format("%08x", checksum);
  }

  /** SHA-256 of the bytes read, as lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Respondents whose gwght or pwght was empty (they add nothing, as in the paper). */
  public long emptyWeights() {
    return emptyWeights;
  }

  /** Candidate item columns in file order. */
  public List<String> candidateItems() {
    return Collections.unmodifiableList(Arrays.asList(items));
  }

  /** An item's maximum code over the whole file, or empty when it has no value at all. */
  public java.util.OptionalLong maximum(String item) {
    int i = Arrays.asList(items).indexOf(item);
    if (i < 0 || maxima[i] == NO_MAXIMUM) return java.util.OptionalLong.empty();
    return java.util.OptionalLong.of(maxima[i]);
  }

  boolean hasMaximum(int item) {
    return maxima[item] != NO_MAXIMUM;
  }

  /** Interview languages ({@code lnge_iso}) met in the file, sorted. */
  public List<String> languages() {
    return languages.stream().sorted().toList();
  }

  /** Countries in order of first appearance. */
  public List<String> countries() {
    return Collections.unmodifiableList(countries);
  }

  int cells() {
    return cellKeys.size();
  }

  /** Approximate heap bytes held by the accumulators (histograms; the rows are in a temporary file). */
  public long retainedBytes() {
    return (long) cells() * items.length * (CODES * 8L + 4) + rows.buffer().length;
  }

  /** Bytes of the temporary row file (four bits per respondent and candidate item, plus weight and cell). */
  public long spilledBytes() {
    return rows.bytes();
  }

  /** Visits every respondent's record in file order (see {@link RowSpill.Visitor}). */
  void forEachRow(RowSpill.Visitor v) {
    rows.forEach(source, v);
  }

  /** Releases the temporary row file (the tables need it only to draw the self-consistency samples). */
  @Override
  public void close() {
    rows.close();
  }

  /** Maps byte slices to indices, remembering the last hit (rows come grouped by country). */
  private static final class Interner {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<byte[]> bytes = new ArrayList<>(); // of each name
    private int lastIndex = -1;

    Interner(List<String> names) {
      this.names = names;
      for (int i = 0; i < names.size(); i++) { // names met before (none on a first pass) keep their indices
        index.put(names.get(i), i);
        bytes.add(names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    int index(byte[] b, int s, int e) {
      if (lastIndex >= 0 && Arrays.equals(b, s, e, bytes.get(lastIndex), 0, bytes.get(lastIndex).length)) return lastIndex;
      // languages alternate within a country: look among the few names met before creating a string
      // (a string per respondent would make the heap, and the peak RSS, grow with the file)
      if (bytes.size() <= 64) {
        for (int k = 0; k < bytes.size(); k++) {
          if (Arrays.equals(b, s, e, bytes.get(k), 0, bytes.get(k).length)) return lastIndex = k;
        }
      }
      String name = new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
      Integer i = index.get(name);
      if (i == null) {
        i = names.size();
        names.add(name);
        bytes.add(Arrays.copyOfRange(b, s, e));
        index.put(name, i);
      }
      lastIndex = i;
      return i;
    }
  }
}
