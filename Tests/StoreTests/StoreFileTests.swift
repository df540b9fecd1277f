import Foundation
import Store
import Testing

@Suite("Store: files that are not stores")
struct StoreFileTests {
    @Test func textFileIsNotAStore() throws {
        try withTemporaryStore { (_: SQLiteQuadStore, folder: String) throws in
            let path = folder + "/notes.txt"
            let text = String(repeating: "These are not the pages you are looking for.\n", count: 200)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteQuadStore(path: path) }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
    }

    @Test func foreignSQLiteFileIsNotAStore() throws {
        try withTemporaryStore { (_: SQLiteQuadStore, folder: String) throws in
            let path = folder + "/other.sqlite"
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()", path]
            try sqlite.run()
            sqlite.waitUntilExit()
            try #require(sqlite.terminationStatus == 0)
            #expect(throws: StoreError.foreignDatabase(path: path)) { try SQLiteQuadStore(path: path) }
        }
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(StoreLocation.defaultPath(environment: ["SAMSVAR_STORE": "/x/s.sqlite", "HOME": "/h"]) == "/x/s.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/samsvar/store.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/samsvar/store.sqlite")
    }
}
