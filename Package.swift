// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Stockroom",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "stockroom", targets: ["stockroom"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // Entities, rules and actions: pure Swift, no I/O, no terminal.
    .target(name: "StockroomDomain"),
    // File storage: the transaction ledger, snapshots, locking.
    .target(name: "StockroomStore", dependencies: ["StockroomDomain"]),
    // The database store: the same ledger in PostgreSQL, the records chained as the file's.
    .target(
      name: "StockroomPostgres",
      dependencies: [
        "StockroomDomain", "StockroomStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]),
    // The approval policy's TOML file: read at the edge, handed to the domain validated.
    .target(
      name: "ApprovalPolicyFile",
      dependencies: ["StockroomDomain", .product(name: "TOMLKit", package: "TOMLKit")]),
    // Cell buffer, widgets, layout, key events; knows nothing of curses.
    .target(name: "TerminalUI"),
    // Every wizard and screen: state, update, view. Reads the ledger only through the
    // domain's InventoryLedger and opens no file: files are effects the executable carries out.
    .target(name: "Wizards", dependencies: ["TerminalUI", "StockroomDomain"]),
    // ncursesw and a header of small inline helpers for what Swift cannot import.
    .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
    // The only code that calls curses: draw a buffer, read keys.
    .target(name: "CursesTerminal", dependencies: ["CNCurses", "TerminalUI"]),
    .executableTarget(
      name: "stockroom",
      dependencies: [
        "Wizards", "CursesTerminal", "StockroomStore", "StockroomPostgres", "StockroomDomain",
        "TerminalUI", "ApprovalPolicyFile",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
    .testTarget(
      name: "WizardsTests",
      dependencies: [
        "Wizards", "TerminalUI", "StockroomDomain", "StockroomStore", "StockroomPostgres",
        "TestSupport",
      ],
      resources: [.process("Fixtures")]),
    .testTarget(name: "StockroomDomainTests", dependencies: ["StockroomDomain", "TestSupport"]),
    .testTarget(
      name: "StockroomStoreTests",
      dependencies: ["StockroomStore", "StockroomDomain", "TestSupport", "StoreTestSupport"]),
    .testTarget(
      name: "StockroomPostgresTests",
      dependencies: [
        "StockroomPostgres", "StockroomStore", "StockroomDomain", "TestSupport", "StoreTestSupport",
      ]),
    .testTarget(
      name: "ApprovalPolicyFileTests", dependencies: ["ApprovalPolicyFile", "StockroomDomain"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    // Seeds, the test PostgreSQL server, store kinds and the built executable: for every test
    // target.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // Checks of a ledger store's answers, shared by the tests of both stores.
    .target(
      name: "StoreTestSupport", dependencies: ["StockroomStore", "StockroomDomain", "TestSupport"],
      path: "Tests/StoreTestSupport"),
  ]
)
