import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomPostgres

/// The connection begun as the process starts: found from the global option or the
/// environment as the command line resolves the store, and taken over by the first session
/// opened on that store.
@Suite struct EarlyConnectionTests {
  @Test func theStoreIsFoundAsTheCommandLineFindsIt() {
    let url = "postgresql://u@h/d"
    let none: [String: String] = [:]
    #expect(
      EarlyConnection.storeText(arguments: ["log", "--store", url], environment: none) == url)
    #expect(
      EarlyConnection.storeText(arguments: ["--store=" + url, "log"], environment: none) == url)
    #expect(
      EarlyConnection.storeText(
        arguments: ["log", "--store", url], environment: ["STOCKROOM_STORE": "postgresql://x@y/z"])
        == url)
    #expect(
      EarlyConnection.storeText(arguments: ["log"], environment: ["STOCKROOM_STORE": url]) == url)
    #expect(
      EarlyConnection.storeText(arguments: ["log"], environment: ["STOCKROOM_STORE": ""]) == nil)
    #expect(
      EarlyConnection.storeText(arguments: ["log", "--", "--store", url], environment: none) == nil)
    #expect(EarlyConnection.storeText(arguments: ["log", "--store"], environment: none) == nil)
  }

  @Test(.postgres) func theFirstSessionOnTheStoreTakesItOver() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let url = try #require(store.url)
    EarlyConnection.begin(arguments: ["log", "--store", url.secretText], environment: [:])
    let session = try PostgresStore.open(url, options: store.options)
    defer { session.close() }
    #expect(EarlyConnection.take(url) == nil, "taken over by the first session")
    #expect(session.lastSequence > 0)
    #expect(try PostgresStore.verify(url, options: store.options) == [])
  }
}
