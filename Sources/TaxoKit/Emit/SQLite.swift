import CSQLite

/// A thin SQLite connection: prepared statements, transactions, errors that carry the failing SQL.
public final class SQLiteDatabase {
    /// The failure SQLite reports, with the statement that failed.
    static func failure(_ message: String, sql: String) -> TaxoError {
        .index("SQLite: " + message, sql: "in: " + String(sql.prefix(200)))
    }

    let db: OpaquePointer

    /// SQLite's process-wide settings, made once before the first connection: no memory statistics (they
    /// take a global mutex on every allocation SQLite makes).
    static let configured: Bool = taxo_sqlite3_disable_memstatus() == SQLITE_OK

    /// Opens (or creates) a database; `:memory:` for one that lives in memory. A connection is used by one
    /// thread at a time (`NOMUTEX`: SQLite does not lock it on every call).
    public init(path: String, readOnly: Bool = false) throws {
        _ = SQLiteDatabase.configured
        var handle: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let h = handle else {
            let msg = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let h = handle { sqlite3_close(h) }
            throw SQLiteDatabase.failure(msg, sql: "open \(path)")
        }
        db = h
    }

    deinit { sqlite3_close(db) }

    /// Runs statements that return no rows.
    public func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw SQLiteDatabase.failure(msg, sql: sql)
        }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(db)) }

    /// A prepared statement, to bind and run many times.
    public func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let s = stmt else {
            throw SQLiteDatabase.failure(String(cString: sqlite3_errmsg(db)), sql: sql)
        }
        return Statement(stmt: s, db: self, sql: sql)
    }

    /// Runs a query and returns every row as strings (NULL as nil).
    public func query(_ sql: String, _ args: [Value] = []) throws -> [[String?]] {
        let s = try prepare(sql)
        try s.bind(args)
        var rows: [[String?]] = []
        while try s.step() { rows.append(s.row()) }
        return rows
    }

    /// A value to bind.
    public enum Value {
        case text(String?)
        case int(Int?)
        case blob([UInt8])
        case null
    }

    /// A prepared statement (finalized when released).
    public final class Statement {
        let stmt: OpaquePointer
        unowned let db: SQLiteDatabase
        let sql: String

        init(stmt: OpaquePointer, db: SQLiteDatabase, sql: String) {
            self.stmt = stmt
            self.db = db
            self.sql = sql
        }

        deinit { sqlite3_finalize(stmt) }

        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        /// A C string of no bytes, for binding "".
        nonisolated(unsafe) static let empty: UnsafePointer<CChar> = {
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
            p.initialize(to: 0)
            return UnsafePointer(p)
        }()

        /// Resets the statement and binds values to its parameters, in order (every parameter is bound again,
        /// so none keeps the previous row's value), as `Row` binds them.
        public func bind(_ values: [Value]) throws {
            sqlite3_reset(stmt)
            var row = Row(statement: self)
            for v in values {
                switch v {
                case .text(let s): try row.text(s)
                case .int(let n): try row.int(n)
                case .blob(let b): try row.blob(b)
                case .null: try row.text(nil)
                }
            }
        }

        /// Binds and runs a statement that returns no rows.
        public func run(_ values: [Value]) throws {
            try bind(values)
            try finish()
        }

        /// Binds one row's values in parameter order and runs the statement: `run` without an array of
        /// values made per row (the index's inserts, hundreds of thousands of rows at 100k).
        public func insert(_ bindRow: (inout Row) throws -> Void) throws {
            sqlite3_reset(stmt)
            var row = Row(statement: self)
            try bindRow(&row)
            try finish()
        }

        func finish() throws {
            let rc = sqlite3_step(stmt)
            if rc != SQLITE_DONE && rc != SQLITE_ROW {
                throw SQLiteDatabase.failure(String(cString: sqlite3_errmsg(db.db)), sql: sql)
            }
        }

        /// The parameters of one row, bound in order (every one: none keeps the previous row's value).
        public struct Row {
            let statement: Statement
            var index: Int32 = 1

            /// Binds text with its byte length (a NUL inside is kept: a C string would end there and the rest of
            /// the value would be lost), or NULL.
            public mutating func text(_ s: String?) throws {
                guard let s else { return try check(sqlite3_bind_null(statement.stmt, next())) }
                let i = next()
                let rc =
                    s.utf8.withContiguousStorageIfAvailable { bind(i, $0) }
                    ?? {
                        var copy = s; return copy.withUTF8 { bind(i, $0) }
                    }()
                try check(rc)
            }

            /// Binds bytes.
            public mutating func blob(_ b: [UInt8]) throws {
                let i = next()
                try check(
                    b.withUnsafeBytes {
                        sqlite3_bind_blob(statement.stmt, i, $0.baseAddress, Int32(b.count), Statement.transient)
                    })
            }

            /// Binds an integer, or NULL.
            public mutating func int(_ n: Int?) throws {
                let i = next()
                try check(
                    n.map { sqlite3_bind_int64(statement.stmt, i, Int64($0)) } ?? sqlite3_bind_null(statement.stmt, i))
            }

            mutating func next() -> Int32 {
                defer { index += 1 }
                return index
            }

            func bind(_ i: Int32, _ u: UnsafeBufferPointer<UInt8>) -> Int32 {
                // (An empty buffer may have no address, and a null pointer would bind NULL, not "".)
                u.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(
                        statement.stmt, i, $0.baseAddress ?? Statement.empty, Int32($0.count), Statement.transient)
                }
            }

            func check(_ rc: Int32) throws {
                if rc != SQLITE_OK {
                    throw SQLiteDatabase.failure(
                        String(cString: sqlite3_errmsg(statement.db.db)), sql: statement.sql)
                }
            }
        }

        /// Steps to the next row; false when there is none.
        public func step() throws -> Bool {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { return true }
            if rc == SQLITE_DONE { return false }
            throw SQLiteDatabase.failure(String(cString: sqlite3_errmsg(db.db)), sql: sql)
        }

        /// The current row's columns as text.
        public func row() -> [String?] {
            (0..<sqlite3_column_count(stmt)).map { text($0) }
        }

        /// A column of the current row as bytes.
        public func blob(_ i: Int32) -> [UInt8] {
            let n = Int(sqlite3_column_bytes(stmt, i))
            guard n > 0, let p = sqlite3_column_blob(stmt, i) else { return [] }
            return Array(UnsafeRawBufferPointer(start: p, count: n))
        }

        /// A column of the current row as text (all its bytes: a NUL inside is kept).
        public func text(_ i: Int32) -> String? {
            guard sqlite3_column_type(stmt, i) != SQLITE_NULL, let p = sqlite3_column_text(stmt, i) else { return nil }
            return String(
                decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))), as: UTF8.self)
        }
    }
}
