package org.tensorworkbench.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated table with a header row (RFC 4180: quoted fields may hold commas and
 * doubled quotes), read column by column. A column whose every value parses as a number is
 * numeric ({@link #values}); any other column keeps its text ({@link #text}), e.g. a class name
 * used as a target. Rows with the wrong number of fields and empty cells are errors naming the
 * file, line and column, never skipped silently.
 */
public final class CsvTable {
  private final Path source;
  private final List<String> columns;
  private final int rows;
  private final double[][] numeric;
  private final String[][] text;
  private final int[] firstTextRow;
  private final int[] firstTextLine;

  private CsvTable(Path source, List<String> columns, int rows, double[][] numeric, String[][] text,
      int[] firstTextRow, int[] firstTextLine) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.numeric = numeric;
    this.text = text;
    this.firstTextRow = firstTextRow;
    this.firstTextLine = firstTextLine;
  }

  /** Reads a UTF-8 CSV file with a header row. */
  public static CsvTable read(Path file) {
    List<String> header = null;
    List<String[]> records = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = split(line, file, lineNumber);
        if (header == null) {
          header = fields;
          continue;
        }
        if (fields.size() != header.size()) {
          throw new DatasetException("data.error.csvFieldCount", file, lineNumber, header.size(), fields.size());
        }
        for (int c = 0; c < fields.size(); c++) {
          if (fields.get(c).isEmpty()) {
            throw new DatasetException("data.error.csvEmptyCell", file, lineNumber, header.get(c));
          }
        }
        records.add(fields.toArray(String[]::new));
        lineNumbers.add(lineNumber);
      }
    } catch (NoSuchFileException e) {
      throw new DatasetException(e, "data.error.missingFile", file);
    } catch (CharacterCodingException e) {
      throw new DatasetException(e, "data.error.csvEncoding", file);
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", file, e.getMessage());
    }
    if (header == null || records.isEmpty()) {
      throw new DatasetException("data.error.csvEmpty", file);
    }
    return columnsOf(file, header, records, lineNumbers);
  }

  private static CsvTable columnsOf(Path file, List<String> header, List<String[]> records, List<Integer> lines) {
    int cols = header.size();
    int n = records.size();
    double[][] numeric = new double[cols][];
    String[][] text = new String[cols][];
    int[] firstTextRow = new int[cols];
    int[] firstTextLine = new int[cols];
    for (int c = 0; c < cols; c++) {
      double[] values = new double[n];
      int textAt = -1;
      for (int r = 0; r < n && textAt < 0; r++) {
        try {
          values[r] = Double.parseDouble(records.get(r)[c]);
          if (!Double.isFinite(values[r])) {
            textAt = r;
          }
        } catch (NumberFormatException e) {
          textAt = r;
        }
      }
      if (textAt < 0) {
        numeric[c] = values;
      } else {
        firstTextRow[c] = textAt;
        firstTextLine[c] = lines.get(textAt);
        String[] strings = new String[n];
        for (int r = 0; r < n; r++) {
          strings[r] = records.get(r)[c];
        }
        text[c] = strings;
      }
    }
    return new CsvTable(file, header, n, numeric, text, firstTextRow, firstTextLine);
  }

  private static List<String> split(String line, Path file, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new DatasetException("data.error.csvQuote", file, lineNumber);
    }
    fields.add(field.toString().strip());
    return fields;
  }

  /** The file this table was read from. */
  public Path source() {
    return source;
  }

  /** The column names from the header row. */
  public List<String> columns() {
    return columns;
  }

  /** The number of data rows (without the header). */
  public int rows() {
    return rows;
  }

  /** The index of the column named {@code name}, or -1. */
  public int indexOf(String name) {
    return columns.indexOf(name);
  }

  /** Whether every value of column {@code c} is a finite number. */
  public boolean isNumeric(int c) {
    return numeric[c] != null;
  }

  /**
   * A copy of the numbers of column {@code c}.
   *
   * @throws DatasetException naming the column, line and value if the column is not numeric
   */
  public double[] values(int c) {
    if (numeric[c] == null) {
      throw new DatasetException("data.error.csvNotNumeric", source, columns.get(c), firstTextLine[c],
          text[c][firstTextRow[c]]);
    }
    return numeric[c].clone();
  }

  /** The values of column {@code c} as text (whole numbers without a decimal point). */
  public String[] text(int c) {
    if (text[c] != null) {
      return text[c].clone();
    }
    String[] strings = new String[rows];
    for (int r = 0; r < rows; r++) {
      double v = numeric[c][r];
      strings[r] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return strings;
  }
}
