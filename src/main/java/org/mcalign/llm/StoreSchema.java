package org.mcalign.llm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The response store's tables, and the migration of stores written before requests were
 * identified by content: such a store keyed requests by custom_id only (row numbers of the
 * prompt file), so filtering or reordering the file asked everything again. The migration gives
 * every stored row its content key ({@link ContentKeys}: body hash and occurrence, numbered in
 * the order the rows were registered) and keeps every row, answer and custom_id as it was: no
 * paid answer is lost and the old ids still find their answers.
 */
final class StoreSchema {
  private StoreSchema() {}

  static void create(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS requests ("
        + " run TEXT NOT NULL, custom_id TEXT NOT NULL, seq INTEGER NOT NULL, model TEXT NOT NULL,"
        + " body_hash TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL,"
        + " response TEXT, error TEXT, prompt_tokens INTEGER, completion_tokens INTEGER,"
        + " attempts INTEGER NOT NULL DEFAULT 0, batch_id TEXT, submission TEXT,"
        + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, answered_at TEXT, content_key TEXT,"
        + " PRIMARY KEY (run, custom_id))");
    s.execute("CREATE INDEX IF NOT EXISTS requests_status ON requests(run, status)");
    s.execute("CREATE TABLE IF NOT EXISTS submissions ("
        + " key TEXT PRIMARY KEY, run TEXT NOT NULL, model TEXT, state TEXT NOT NULL,"
        + " input_file_id TEXT, batch_id TEXT, batch_status TEXT, line_count INTEGER NOT NULL,"
        + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)");
    // one line per finished direct run: the measured rate behind a dry run's GPU-time estimate
    s.execute("CREATE TABLE IF NOT EXISTS run_log ("
        + " run TEXT NOT NULL, model TEXT NOT NULL, endpoints INTEGER NOT NULL, concurrency INTEGER NOT NULL,"
        + " answered INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, seconds REAL NOT NULL, finished_at TEXT NOT NULL)");
    if (!hasColumn(s.getConnection(), "requests", "content_key") || hasUnkeyedRows(s)) migrate(s.getConnection());
    s.execute("CREATE UNIQUE INDEX IF NOT EXISTS requests_content ON requests(run, content_key)");
  }

  /** Adds the content key to a store of the row-number era, in one transaction (a crash leaves it as it was). */
  private static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // the write lock first: a second process migrating at the same moment waits here, then finds nothing to do
      s.execute("BEGIN IMMEDIATE");
      try {
        fill(c, s);
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static void fill(Connection c, Statement s) throws SQLException {
    {
      if (!hasColumn(c, "requests", "content_key")) s.execute("ALTER TABLE requests ADD COLUMN content_key TEXT");
      Map<String, Integer> seen = new HashMap<>();
      List<String[]> keys = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT run, custom_id, body_hash, content_key FROM requests ORDER BY run, seq")) {
        while (rs.next()) {
          String run = rs.getString(1), hash = rs.getString(3), have = rs.getString(4);
          int occurrence = seen.merge(run + "\u0000" + hash, 1, Integer::sum) - 1;
          if (have == null) keys.add(new String[] {ContentKeys.key(hash, occurrence), run, rs.getString(2)});
        }
      }
      try (PreparedStatement up = c.prepareStatement("UPDATE requests SET content_key=? WHERE run=? AND custom_id=?")) {
        for (String[] k : keys) {
          up.setString(1, k[0]);
          up.setString(2, k[1]);
          up.setString(3, k[2]);
          up.addBatch();
        }
        up.executeBatch();
      }
    }
  }

  private static boolean hasUnkeyedRows(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM requests WHERE content_key IS NULL LIMIT 1")) {
      return rs.next();
    }
  }

  static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) if (rs.getString("name").equalsIgnoreCase(column)) return true;
      return false;
    }
  }
}
