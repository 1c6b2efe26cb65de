import Foundation

/// The environment of a child process of this binary: this process's, with `STOCKROOM_STORE`
/// naming the store the child opens. A database store's URL may hold a password, so it goes
/// to a child through the environment, never on its command line.
enum ChildEnvironment {
  /// Calls `body` with the environment as `posix_spawn` takes it; `store` nil keeps this
  /// process's `STOCKROOM_STORE`, empty means the data directory's file store.
  static func with<T>(store: String?, _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
    var environment = ProcessInfo.processInfo.environment
    if let store { environment["STOCKROOM_STORE"] = store }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for variable in envp { free(variable) }
    }
    return body(envp)
  }
}
