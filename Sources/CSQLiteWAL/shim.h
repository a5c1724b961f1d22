// The system SQLite (Debian: libsqlite3-dev), for what GRDB does not wrap: the write-ahead log
// hook and checkpoints that FlowLinksStore's WALCheckpointer runs beside the writer.
#include <sqlite3.h>

/// Keeps a connection from copying the log into the file and deleting it when it closes last:
/// the checkpointer's own connection may close on its thread after the database is released, and
/// that final copy takes an exclusive lock that would refuse whoever opens the file next.
/// (`sqlite3_db_config` is variadic, which Swift cannot call.)
static inline int flowlinks_skip_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
