#include <sqlite3.h>

/// Turns off SQLite's memory statistics (on by default, they take a global mutex on every allocation).
/// `sqlite3_config` is variadic, which Swift cannot call; it must run before SQLite is initialised.
static inline int taxo_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
